package io.jsylla.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The repository the benchmark runs from, where each driver's worker classpath is: the
 * {@code target/bench-classpath.txt} its module writes when packaged. Found from
 * {@code -Djsylla.home}, else by walking up from this code's location, then from the working
 * directory, to the folder holding the bench modules.
 */
public final class BenchHome {
    public static final String PROPERTY = "jsylla.home";
    static final String CLASSPATH_FILE = "target/bench-classpath.txt";

    private final Path root;

    BenchHome(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public static BenchHome locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path root = Path.of(configured).toAbsolutePath().normalize();
            if (!isRoot(root)) throw new IllegalStateException("-D" + PROPERTY + "=" + configured + " holds no " + Driver.APACHE.module() + " module");
            return new BenchHome(root);
        }
        List<Path> starts = new ArrayList<>();
        try {
            starts.add(Path.of(BenchHome.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            // no code location (unusual class loader): the working directory remains
        }
        starts.add(Path.of("").toAbsolutePath());
        for (Path start : starts) {
            for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
                if (isRoot(p)) return new BenchHome(p);
            }
        }
        throw new IllegalStateException("cannot find the jsylla repository (the folder holding " + Driver.APACHE.module()
                + "/) from " + starts + ": run from inside it, or give -D" + PROPERTY + "=<repository>");
    }

    private static boolean isRoot(Path p) {
        return Files.isRegularFile(p.resolve(Driver.APACHE.module()).resolve("pom.xml"))
                && Files.isRegularFile(p.resolve(Driver.JSYLLA.module()).resolve("pom.xml"));
    }

    /** The repository's commit, "-dirty" when tracked files changed; "unknown" without git. */
    public String commit() {
        try {
            String head = git("rev-parse", "--short", "HEAD");
            return head.isEmpty() ? "unknown" : git("status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "-dirty";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private String git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return p.waitFor() == 0 ? out : "";
    }

    private String buildCommand() {
        return "mvn -f " + root.resolve("pom.xml") + " -DskipTests package (the ./jsylla script does it)";
    }

    /** The classpath file of the driver's module (it may not exist yet). */
    public Path classpathFile(Driver d) {
        return root.resolve(d.module()).resolve(CLASSPATH_FILE);
    }

    /** The driver's worker classpath, or a clear failure naming the missing file and the build to run. */
    public String classpath(Driver d) {
        Path file = classpathFile(d);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the " + d.label() + " driver's adapter is not built: " + file
                    + " is missing. Build every module first: " + buildCommand());
        }
        try {
            String classpath = Files.readString(file, StandardCharsets.UTF_8).trim();
            String jar = classpath.split(java.io.File.pathSeparator, 2)[0];
            if (!Files.isRegularFile(Path.of(jar))) {
                throw new IllegalStateException(file + " names " + jar + ", which is missing. Rebuild: " + buildCommand());
            }
            return classpath;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
