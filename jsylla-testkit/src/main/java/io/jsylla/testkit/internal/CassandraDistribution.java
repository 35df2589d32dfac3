package io.jsylla.testkit.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jars of one Cassandra release: {@code org.apache.cassandra:cassandra-all} and its runtime
 * dependencies, resolved by Maven into the local repository on first use.
 *
 * <p>Resolution runs Maven in a child process on a generated pom, so it honours the user's
 * {@code settings.xml} (mirrors, proxies, local repository) and none of Cassandra's jars ever
 * touch this JVM's classpath. The resulting classpath is cached per release and re-resolved
 * when any jar on it has gone.
 */
public final class CassandraDistribution {
    private static final Logger log = LoggerFactory.getLogger(CassandraDistribution.class);
    /** Overrides resolution entirely: a classpath, for builds without Maven. */
    public static final String CLASSPATH_PROPERTY = "jsylla.testkit.cassandra.classpath";
    private static final String DEPENDENCY_PLUGIN =
            "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath";
    private static final Map<String, CassandraDistribution> RESOLVED = new HashMap<>();

    private final String version;
    private final List<Path> jars;

    private CassandraDistribution(String version, List<Path> jars) {
        this.version = version;
        this.jars = List.copyOf(jars);
    }

    public String version() {
        return version;
    }

    public List<Path> jars() {
        return jars;
    }

    /** jamm measures object sizes; Cassandra expects it as an agent, as bin/cassandra sets it. */
    public Optional<Path> jammAgent() {
        return jars.stream().filter(p -> p.getFileName().toString().startsWith("jamm-")).findFirst();
    }

    public static synchronized CassandraDistribution resolve(String version) {
        CassandraDistribution d = RESOLVED.get(version);
        if (d == null) {
            d = new CassandraDistribution(version, locate(version));
            RESOLVED.put(version, d);
        }
        return d;
    }

    private static List<Path> locate(String version) {
        String override = System.getProperty(CLASSPATH_PROPERTY);
        if (override != null && !override.isBlank()) {
            List<Path> jars = split(override);
            requireAll(jars, "-D" + CLASSPATH_PROPERTY);
            return jars;
        }
        Path cache = cacheDir().resolve("cassandra-all-" + version + ".classpath");
        if (Files.isRegularFile(cache)) {
            List<Path> jars = split(read(cache));
            if (!jars.isEmpty() && jars.stream().allMatch(Files::isRegularFile)) return jars;
            log.info("Cached classpath {} names jars that are gone; resolving again", cache);
        }
        List<Path> jars = resolveWithMaven(version, cache);
        requireAll(jars, "Maven's resolution of cassandra-all " + version);
        return jars;
    }

    private static List<Path> resolveWithMaven(String version, Path cache) {
        Path mvn = MavenExecutable.find().orElseThrow(() -> new IllegalStateException(
                "Cannot resolve org.apache.cassandra:cassandra-all:" + version + ": no Maven found."
                        + " Put mvn on the PATH, set MAVEN_HOME or -Dmaven.home, or give the jars with -D"
                        + CLASSPATH_PROPERTY));
        log.info("Resolving Cassandra {} from Maven Central into the local repository (first use only)", version);
        try {
            Files.createDirectories(cache.getParent());
            Path work = Files.createTempDirectory(cache.getParent(), "resolve-");
            Files.writeString(work.resolve("pom.xml"), pom(version));
            Path out = work.resolve("classpath.txt");
            Path mavenLog = work.resolve("maven.log");
            List<String> cmd = new ArrayList<>(List.of(mvn.toString(), "-B", "-q", "-f",
                    work.resolve("pom.xml").toString(), DEPENDENCY_PLUGIN,
                    "-Dmdep.outputFile=" + out, "-Dmdep.includeScope=runtime"));
            String repo = System.getProperty("maven.repo.local");
            if (repo != null && !repo.isBlank()) cmd.add("-Dmaven.repo.local=" + repo);
            Process p = new ProcessBuilder(cmd).directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(mavenLog.toFile()).start();
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("Maven did not resolve cassandra-all " + version
                        + " within 15 minutes" + LogTail.quote(30, mavenLog));
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(out)) {
                throw new IllegalStateException("Maven failed to resolve org.apache.cassandra:cassandra-all:"
                        + version + " (exit " + p.exitValue() + ")" + LogTail.quote(40, mavenLog));
            }
            String cp = read(out).trim();
            Path tmp = Files.createTempFile(cache.getParent(), "classpath", ".tmp");
            Files.writeString(tmp, cp);
            Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(work);
            return split(cp);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot resolve cassandra-all " + version, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while resolving cassandra-all " + version, e);
        }
    }

    private static String pom(String version) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>io.jsylla.testkit</groupId>
                  <artifactId>cassandra-classpath</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                  <dependencies>
                    <dependency>
                      <groupId>org.apache.cassandra</groupId>
                      <artifactId>cassandra-all</artifactId>
                      <version>%s</version>
                    </dependency>
                  </dependencies>
                </project>
                """.formatted(version);
    }

    /** Where the kit keeps what it works out once per machine. */
    public static Path cacheDir() {
        return Path.of(System.getProperty("user.home"), ".jsylla", "cache");
    }

    private static List<Path> split(String classpath) {
        List<Path> jars = new ArrayList<>();
        for (String s : classpath.trim().split(File.pathSeparator)) {
            if (!s.isBlank()) jars.add(Path.of(s.trim()));
        }
        return jars;
    }

    private static void requireAll(List<Path> jars, String source) {
        if (jars.stream().noneMatch(p -> p.getFileName().toString().startsWith("cassandra-all-"))) {
            throw new IllegalStateException(source + " has no cassandra-all jar: " + jars);
        }
        for (Path p : jars) {
            if (!Files.isRegularFile(p)) throw new IllegalStateException(source + " names a missing jar: " + p);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
