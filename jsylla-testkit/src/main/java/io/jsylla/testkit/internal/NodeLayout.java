package io.jsylla.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a node keeps what: one folder per node, under the build's target folder for tests. */
public record NodeLayout(Path directory) {
    public NodeLayout {
        directory = directory.toAbsolutePath().normalize();
    }

    public Path conf() {
        return directory.resolve("conf");
    }

    public Path data() {
        return directory.resolve("data");
    }

    public Path commitlog() {
        return directory.resolve("commitlog");
    }

    public Path savedCaches() {
        return directory.resolve("saved_caches");
    }

    public Path hints() {
        return directory.resolve("hints");
    }

    public Path cdc() {
        return directory.resolve("cdc_raw");
    }

    public Path logs() {
        return directory.resolve("logs");
    }

    public Path systemLog() {
        return logs().resolve("system.log");
    }

    /** The JVM's own stdout and stderr: where a node that dies before logging leaves its reason. */
    public Path stdoutLog() {
        return logs().resolve("stdout.log");
    }

    public Path launcher() {
        return directory.resolve("launcher");
    }

    public void create() {
        try {
            for (Path p : new Path[] {conf(), data(), commitlog(), savedCaches(), hints(), cdc(), logs()}) {
                Files.createDirectories(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create node folders under " + directory, e);
        }
    }

    /** Deletes everything the node wrote, for a fresh start. */
    public void wipe() {
        try {
            CassandraDistribution.deleteTree(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear node folder " + directory, e);
        }
    }
}
