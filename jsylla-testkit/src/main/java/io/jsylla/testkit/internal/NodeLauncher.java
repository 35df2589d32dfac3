package io.jsylla.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The main class of a node's JVM. It starts a watchdog that halts the node when the process
 * that owns it is gone, however that process ended (a SIGKILLed test JVM runs no shutdown
 * hook), then hands over to Cassandra's own main.
 *
 * <p>This class is copied on its own into the node's folder and put first on the node's
 * classpath, so it must use nothing but the JDK and have no nested classes.
 */
public final class NodeLauncher {
    /** System property holding the pid of the owning process; absent for detached nodes. */
    public static final String OWNER_PROPERTY = "jsylla.testkit.owner";
    /** System property naming the node's folder: how the kit recognises its own processes. */
    public static final String NODE_PROPERTY = "jsylla.testkit.node";
    private static final String CASSANDRA_MAIN = "org.apache.cassandra.service.CassandraDaemon";

    private NodeLauncher() {}

    public static void main(String[] args) throws Exception {
        String owner = System.getProperty(OWNER_PROPERTY);
        if (owner != null && !owner.isBlank()) {
            long pid = Long.parseLong(owner.trim());
            Thread watchdog = new Thread(() -> watch(pid), "jsylla-owner-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }
        Class.forName(CASSANDRA_MAIN).getMethod("main", String[].class).invoke(null, (Object) args);
    }

    private static void watch(long ownerPid) {
        Optional<ProcessHandle> owner = ProcessHandle.of(ownerPid);
        while (owner.isPresent() && owner.get().isAlive()) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
        System.err.println("jsylla test kit: owner process " + ownerPid + " is gone; halting this node");
        Runtime.getRuntime().halt(143);
    }

    /** Writes this class file under {@code dir} and returns {@code dir}, for the node's classpath. */
    public static Path installInto(Path dir) {
        String resource = NodeLauncher.class.getName().replace('.', '/') + ".class";
        Path target = dir.resolve(resource);
        try (InputStream in = NodeLauncher.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("Cannot read " + resource + " from the kit's jar");
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install the node launcher into " + dir, e);
        }
        return dir;
    }
}
