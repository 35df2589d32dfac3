package io.jsylla.testkit.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Locates the {@code mvn} launcher: the running Maven's home first, then the environment, then PATH. */
final class MavenExecutable {
    private MavenExecutable() {}

    static Optional<Path> find() {
        String name = JavaRuntimes.isWindows() ? "mvn.cmd" : "mvn";
        for (String home : new String[] {
                System.getProperty("maven.home"), System.getenv("MAVEN_HOME"), System.getenv("M2_HOME")}) {
            if (home != null && !home.isBlank() && !home.contains("${")) {
                Path p = Path.of(home, "bin", name);
                if (Files.isExecutable(p)) return Optional.of(p);
            }
        }
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) continue;
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
