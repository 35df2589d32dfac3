package io.jsylla.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Finds a Java runtime Cassandra 5.0 supports (11 or 17). Tests may well run on a newer JDK,
 * so the node's JVM is chosen separately from the one running the kit.
 */
public final class JavaRuntimes {
    /** Feature releases Cassandra 5.0 runs on, most preferred first. */
    private static final int[] SUPPORTED = {17, 11};
    public static final String ENV = "JSYLLA_CASSANDRA_JAVA_HOME";

    private JavaRuntimes() {}

    public static Path forCassandra(Path configured) {
        if (configured != null) return requireJava(configured, "javaHome(...)");
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) return requireJava(Path.of(env), ENV);

        Path current = Path.of(System.getProperty("java.home"));
        int currentFeature = Runtime.version().feature();
        for (int f : SUPPORTED) if (f == currentFeature) return current;

        List<Path> candidates = new ArrayList<>();
        for (String root : List.of("/usr/lib/jvm", "/usr/java", "/opt/java",
                "/Library/Java/JavaVirtualMachines", System.getProperty("user.home") + "/.sdkman/candidates/java")) {
            collect(Path.of(root), candidates);
        }
        for (int f : SUPPORTED) {
            for (Path home : candidates) {
                if (feature(home).orElse(-1) == f) return home;
            }
        }
        throw new IllegalStateException("Cassandra 5.0 runs on Java 11 or 17, but this JVM is Java "
                + currentFeature + " and no Java 11 or 17 was found under /usr/lib/jvm and the other"
                + " usual places; set " + ENV + " or CassandraCluster.builder().javaHome(...)");
    }

    private static void collect(Path root, List<Path> out) {
        if (!Files.isDirectory(root)) return;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path d : dirs) {
                Path home = Files.isDirectory(d.resolve("Contents/Home")) ? d.resolve("Contents/Home") : d;
                if (Files.isExecutable(home.resolve("bin/java"))) out.add(home);
            }
        } catch (IOException ignored) {
            // an unreadable folder simply holds no candidates
        }
        out.sort(null);
    }

    /** The feature release of a JDK, from its {@code release} file. */
    static Optional<Integer> feature(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) return Optional.empty();
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(release)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String v = p.getProperty("JAVA_VERSION", "").replace("\"", "");
        if (v.startsWith("1.")) v = v.substring(2);
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) end++;
        return end == 0 ? Optional.empty() : Optional.of(Integer.parseInt(v.substring(0, end)));
    }

    private static Path requireJava(Path home, String source) {
        if (!Files.isExecutable(home.resolve("bin/java"))) {
            throw new IllegalStateException(source + " points to " + home + ", which has no bin/java");
        }
        return home;
    }

    public static Path javaExecutable(Path home) {
        return home.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().contains("win");
    }
}
