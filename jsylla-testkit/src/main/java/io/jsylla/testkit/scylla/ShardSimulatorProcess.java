package io.jsylla.testkit.scylla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A shard simulator running detached in a JVM of its own ({@link ShardSimulatorMain}), so that it
 * outlives the command that started it, as {@code jsylla node start} leaves its Cassandra node
 * running. Like {@link io.jsylla.testkit.NodeRecord}, what runs is kept in a file of the node's
 * folder, for a later {@code status} or {@code stop} in another process.
 *
 * @param pid the simulator's process id
 * @param host the address it listens on (the real node's)
 * @param port its regular port, where clients connect
 * @param shardAwarePort its shard-aware port
 * @param upstream the real node it fronts, {@code host:port}
 */
public record ShardSimulatorProcess(long pid, String host, int port, int shardAwarePort, int shards, int ignoreMsb,
                                    long crossShardPenaltyMicros, String upstream, Path directory, Instant startedAt) {
    static final String FILE = "shard-simulator.properties";
    /** Names the folder on the simulator's command line: a recycled pid is not taken for it. */
    static final String MARKER_PROPERTY = "jsylla.shardSimulator";

    /** The record in a folder, if a simulator was ever started there. */
    public static Optional<ShardSimulatorProcess> read(Path directory) {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) return Optional.empty();
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            return Optional.of(new ShardSimulatorProcess(Long.parseLong(p.getProperty("pid")), p.getProperty("host"),
                    Integer.parseInt(p.getProperty("port")), Integer.parseInt(p.getProperty("shardAwarePort")),
                    Integer.parseInt(p.getProperty("shards")), Integer.parseInt(p.getProperty("ignoreMsb")),
                    Long.parseLong(p.getProperty("crossShardPenaltyMicros")), p.getProperty("upstream"),
                    directory.toAbsolutePath(), Instant.parse(p.getProperty("startedAt"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void write() {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("host", host);
        p.setProperty("port", Integer.toString(port));
        p.setProperty("shardAwarePort", Integer.toString(shardAwarePort));
        p.setProperty("shards", Integer.toString(shards));
        p.setProperty("ignoreMsb", Integer.toString(ignoreMsb));
        p.setProperty("crossShardPenaltyMicros", Long.toString(crossShardPenaltyMicros));
        p.setProperty("upstream", upstream);
        p.setProperty("startedAt", startedAt.toString());
        AtomicProperties.write(directory, FILE, p);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }

    /** The live simulator process of this folder, if any. */
    public Optional<ProcessHandle> process() {
        String marker = "-D" + MARKER_PROPERTY + "=" + directory;
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> h.info().arguments()
                .map(List::of).map(args -> args.contains(marker)).orElse(false));
    }

    public boolean isRunning() {
        return process().isPresent();
    }

    /** The latest counts it wrote. */
    public Optional<ShardCountsFile> counts() {
        return ShardCountsFile.read(directory);
    }

    /** Stops it (SIGTERM, then SIGKILL after {@code timeout}); returns whether it was running. */
    public boolean stop(Duration timeout) {
        Optional<ProcessHandle> p = process();
        if (p.isEmpty()) return false;
        p.get().destroy();
        try {
            p.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            p.get().destroyForcibly();
            p.get().onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> p.get()).join();
        }
        return true;
    }

    /**
     * Launches a detached simulator in front of {@code upstream} (and the peers it lists), on the
     * upstream's address and the options' ports, and returns once it listens. It ends on SIGTERM
     * or when the process {@code upstreamPid} (the real node; 0 for none) ends. Its output goes to
     * {@code logs/shard-simulator.log} in {@code directory}.
     */
    public static ShardSimulatorProcess start(Path directory, InetSocketAddress upstream, long upstreamPid,
                                             ShardSimulatorOptions options, Duration timeout) {
        Path dir = directory.toAbsolutePath().normalize();
        Path log = dir.resolve("logs").resolve("shard-simulator.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-D" + MARKER_PROPERTY + "=" + dir, "-cp", absoluteClasspath(),
                ShardSimulatorMain.class.getName(), "--directory", dir.toString(),
                "--upstream", upstream.getHostString() + ":" + upstream.getPort(), "--upstream-pid", Long.toString(upstreamPid),
                "--port", Integer.toString(options.port()), "--shard-aware-port", Integer.toString(options.shardAwarePort()),
                "--shards", Integer.toString(options.shards()), "--ignore-msb", Integer.toString(options.ignoreMsb()),
                "--cross-shard-penalty-micros", Long.toString(options.crossShardPenalty().toNanos() / 1000)));
        try {
            Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            p.getOutputStream().close();
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                Optional<ShardSimulatorProcess> record = read(dir).filter(r -> r.pid() == p.pid());
                if (record.isPresent()) return record.get();
                if (!p.isAlive()) throw new IllegalStateException("The shard simulator exited with code " + p.exitValue() + tail(log));
                Thread.sleep(100);
            }
            p.destroyForcibly();
            throw new IllegalStateException("The shard simulator did not start within " + timeout.toSeconds() + " s" + tail(log));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch the shard simulator", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted starting the shard simulator", e);
        }
    }

    /** This JVM's classpath, each entry made absolute: the simulator runs in the node's folder. */
    private static String absoluteClasspath() {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!e.isEmpty()) entries.add(Path.of(e).toAbsolutePath().toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "; its log (" + log + ") ends:\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
