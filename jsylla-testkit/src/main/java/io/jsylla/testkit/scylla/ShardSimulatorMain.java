package io.jsylla.testkit.scylla;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A shard simulator as a process of its own, started by {@link ShardSimulatorProcess#start}: the
 * CLI's {@code jsylla node start --shards} must return while the simulator keeps serving, so it
 * cannot live in the CLI's JVM. It records itself in the node's folder once it listens, writes
 * its counts there every half second ({@link ShardCountsFile}), and ends on SIGTERM or when the
 * real node's process ends (a simulator in front of nothing would only refuse connections).
 *
 * <pre>java -cp ... io.jsylla.testkit.scylla.ShardSimulatorMain --directory DIR --upstream 127.0.0.1:9043 \
 *     --port 9042 --shard-aware-port 19042 --shards 4 [--ignore-msb 12] [--cross-shard-penalty-micros 0] [--upstream-pid PID]</pre>
 */
public final class ShardSimulatorMain {
    private ShardSimulatorMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        Path directory = Path.of(required(o, "directory")).toAbsolutePath().normalize();
        String upstream = required(o, "upstream");
        int colon = upstream.lastIndexOf(':');
        InetSocketAddress upstreamAddress = new InetSocketAddress(upstream.substring(0, colon), Integer.parseInt(upstream.substring(colon + 1)));
        ShardSimulatorOptions options = ShardSimulatorOptions.defaults()
                .shards(Integer.parseInt(required(o, "shards")))
                .ignoreMsb(Integer.parseInt(o.getOrDefault("ignore-msb", "12")))
                .crossShardPenalty(Duration.ofNanos(1000 * Long.parseLong(o.getOrDefault("cross-shard-penalty-micros", "0"))))
                .ports(Integer.parseInt(o.getOrDefault("port", "0")), Integer.parseInt(o.getOrDefault("shard-aware-port", "0")));
        long upstreamPid = Long.parseLong(o.getOrDefault("upstream-pid", "0"));

        ShardSimulator simulator = ShardSimulator.front(UpstreamDiscovery.fromContactPoint(upstreamAddress), options);
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shard-counts-writer");
            t.setDaemon(true);
            return t;
        });
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            writer.shutdownNow();
            simulator.close();
            try {
                Files.deleteIfExists(directory.resolve(ShardCountsFile.FILE));
            } catch (Exception e) {
                // a stale counts file is read only beside a live simulator
            }
            done.countDown();
        }, "shard-simulator-stop"));
        writer.scheduleWithFixedDelay(() -> ShardCountsFile.of(simulator).write(directory), 0, 500, TimeUnit.MILLISECONDS);
        SimulatedNode first = simulator.node(1);
        new ShardSimulatorProcess(ProcessHandle.current().pid(), first.address().getHostString(), first.address().getPort(),
                first.shardAwareAddress().getPort(), options.shards(), options.ignoreMsb(),
                options.crossShardPenalty().toNanos() / 1000, upstream, directory, Instant.now()).write();
        System.out.println("jsylla shard simulator: " + simulator + " in front of " + upstream);
        if (upstreamPid != 0) {
            ProcessHandle.of(upstreamPid).ifPresentOrElse(h -> h.onExit().join(), () -> { });
            System.out.println("jsylla shard simulator: the node (pid " + upstreamPid + ") is gone; stopping");
            System.exit(0);
        }
        done.await();
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) throw new IllegalArgumentException("--" + name + " is required");
        return v;
    }
}
