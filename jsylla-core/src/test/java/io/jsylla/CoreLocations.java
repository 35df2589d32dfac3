package io.jsylla;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where jsylla-core's main classes and its module directory are, for the checks that read them
 * ({@link ArchitectureTest}, {@link ApiListingTest}, {@link InternalsDocTest}): found from the
 * code source of a main class, so that neither the working directory nor the class path order
 * matters.
 */
final class CoreLocations {

    private CoreLocations() {
    }

    /** The URI of jsylla-core's main classes: {@code .../jsylla-core/target/classes/} or its jar. */
    static URI mainClasses() {
        try {
            return Jsylla.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The jsylla-core module directory (the one holding {@code pom.xml} and {@code src/main/java}):
     * the first ancestor of the main classes that has them, else the working directory (which
     * Surefire sets to the module directory).
     */
    static Path moduleDir() {
        URI classes = mainClasses();
        if ("file".equals(classes.getScheme())) {
            for (Path p = Paths.get(classes).toAbsolutePath(); p != null; p = p.getParent()) {
                if (isCoreModule(p)) {
                    return p;
                }
            }
        }
        Path cwd = Paths.get("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (isCoreModule(p)) {
                return p;
            }
            if (isCoreModule(p.resolve("jsylla-core"))) {
                return p.resolve("jsylla-core");
            }
        }
        throw new IllegalStateException("jsylla-core module directory not found from " + classes + " or " + cwd);
    }

    private static boolean isCoreModule(Path dir) {
        return Files.isRegularFile(dir.resolve("pom.xml"))
                && Files.isRegularFile(dir.resolve("src/main/java/io/jsylla/Jsylla.java"));
    }
}
