package io.jsylla.testkit.scylla;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/** Properties written whole or not at all: another process may read the file at any moment. */
final class AtomicProperties {
    private AtomicProperties() {}

    static void write(Path directory, String file, Properties p) {
        try {
            Path tmp = Files.createTempFile(directory, file, ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "written by the jsylla shard simulator");
            }
            Files.move(tmp, directory.resolve(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + directory.resolve(file), e);
        }
    }
}
