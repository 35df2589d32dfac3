package io.jsylla.testkit;

import io.jsylla.testkit.internal.NodeLauncher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What the kit knows of a node process it launched, kept in the node's folder so that another
 * process can find the node again: the CLI's {@code status} and {@code stop}, or a later test
 * run that must clean up after a crashed one.
 *
 * @param pid the node's process id
 * @param ownerPid the process that owns the node and whose end stops it; 0 for a detached node
 * @param host the node's address
 * @param nativePort its CQL port
 * @param directory the node's folder
 * @param dataDirectory where its data lives
 * @param logFile its {@code system.log}
 * @param startedAt when it was launched
 */
public record NodeRecord(long pid, long ownerPid, String host, int nativePort, Path directory,
                         Path dataDirectory, Path logFile, Instant startedAt) {
    static final String FILE = "node.properties";

    /** The record in a node folder, if a node was ever launched there. */
    public static Optional<NodeRecord> read(Path nodeDirectory) {
        Path file = nodeDirectory.resolve(FILE);
        if (!Files.isRegularFile(file)) return Optional.empty();
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            return Optional.of(new NodeRecord(
                    Long.parseLong(p.getProperty("pid")),
                    Long.parseLong(p.getProperty("owner", "0")),
                    p.getProperty("host"),
                    Integer.parseInt(p.getProperty("nativePort")),
                    nodeDirectory.toAbsolutePath(),
                    Path.of(p.getProperty("dataDirectory")),
                    Path.of(p.getProperty("logFile")),
                    Instant.parse(p.getProperty("startedAt"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or half-written: as if no node had been launched
        }
    }

    void write() {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("owner", Long.toString(ownerPid));
        p.setProperty("host", host);
        p.setProperty("nativePort", Integer.toString(nativePort));
        p.setProperty("dataDirectory", dataDirectory.toString());
        p.setProperty("logFile", logFile.toString());
        p.setProperty("startedAt", startedAt.toString());
        try {
            Path tmp = Files.createTempFile(directory, FILE, ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "written by the jsylla test kit");
            }
            Files.move(tmp, directory.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + directory.resolve(FILE), e);
        }
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(host, nativePort);
    }

    /**
     * The live process of this node: alive, and started by the kit for this very folder (a
     * recycled pid belonging to something else does not count).
     */
    public Optional<ProcessHandle> process() {
        String marker = "-D" + NodeLauncher.NODE_PROPERTY + "=" + directory;
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> h.info().arguments()
                .map(List::of).map(args -> args.contains(marker)).orElse(false));
    }

    public boolean isRunning() {
        return process().isPresent();
    }

    /** Whether a live process other than a detached launch still owns this node. */
    public boolean hasLiveOwner() {
        return ownerPid != 0 && ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Stops the node gracefully (SIGTERM, so Cassandra drains), killing it if it has not exited
     * within {@code timeout}. Returns whether it was running.
     */
    public boolean stop(Duration timeout) {
        Optional<ProcessHandle> p = process();
        if (p.isEmpty()) return false;
        ProcessHandle h = p.get();
        h.destroy();
        try {
            h.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            h.destroyForcibly();
            h.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> h).join();
        }
        return true;
    }

    /** Kills the node at once (SIGKILL) and waits for it to be gone. Returns whether it was running. */
    public boolean kill() {
        Optional<ProcessHandle> p = process();
        if (p.isEmpty()) return false;
        p.get().destroyForcibly();
        p.get().onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> p.get()).join();
        return true;
    }
}
