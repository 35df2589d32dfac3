package io.jsylla.cli;

import io.jsylla.bench.Driver;
import io.jsylla.bench.Orchestrator;
import io.jsylla.bench.Report;
import io.jsylla.bench.RunSpec;
import io.jsylla.bench.Workload;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.CqlProbe;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jsylla bench}: jsylla alone, or with {@code --compare} against the Apache Java driver
 * and ScyllaDB's fork, on one node (the local node, started when none answers and no
 * {@code --contact-point} is given) or on the driver-ceiling server ({@code --ceiling}). With
 * {@code --shards N} the node (or the {@code --nodes} of a kit cluster) is fronted by the test
 * kit's ScyllaDB shard simulator, and the report adds each driver's shard misses, non-replica
 * coordinators and connections per shard.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark jsylla, and with --compare the Apache and ScyllaDB Java drivers, on one node (or --nodes N),",
                "with --shards N behind the ScyllaDB shard simulator.",
                "Each driver runs in its own JVM; runs alternate between drivers; the table gives medians over rounds."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--compare", description = "Also run the Apache Java driver and ScyllaDB's fork (--drivers jsylla,apache,scylla).")
    boolean compare;

    @Option(names = "--drivers", split = ",", paramLabel = "DRIVER",
            description = "Drivers to run: jsylla, apache, scylla (jsylla always runs, first; default: jsylla).")
    List<String> drivers;

    @Option(names = "--workload", defaultValue = "insert",
            description = "insert, select, mixed (50/50), batch (unlogged, 10 inserts) or scan (full table, pages of 1000) (default: ${DEFAULT-VALUE}).")
    Workload workload;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Requests in flight (default: 128, or 4 for scan); with --rate, the most in flight.")
    Integer concurrency;

    @Option(names = "--rate", paramLabel = "OPS_PER_S",
            description = "Fixed-rate mode: start this many operations a second; latency counts from each one's intended start.")
    double rate;

    @Option(names = "--ops", paramLabel = "N", description = "Measured operations per run (instead of --duration).")
    Long ops;

    @Option(names = "--duration", paramLabel = "TIME", description = "Measured time per run, e.g. 30s, 2m (default: 30s unless --ops).")
    String duration;

    @Option(names = "--warmup", paramLabel = "TIME",
            description = "Warm-up per run (default: a fifth of --ops, or a quarter of --duration up to 10s).")
    String warmup;

    @Option(names = "--value-size", paramLabel = "BYTES", defaultValue = "100", description = "Blob size (default: ${DEFAULT-VALUE}).")
    int valueSize;

    @Option(names = "--keys", paramLabel = "N", defaultValue = "100000", description = "Distinct keys, chosen uniformly (default: ${DEFAULT-VALUE}).")
    long keys;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3", description = "Runs per driver (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--ceiling", description = "Driver-ceiling mode: run against the test kit's in-memory CQL server, not a database.")
    boolean ceiling;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write every run and the medians to this JSON file.")
    Path json;

    @Option(names = "--contact-point", paramLabel = "HOST:PORT",
            description = "The node to benchmark (default: the local node, 127.0.0.1 on --port, started if none answers).")
    String contactPoint;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "1",
            description = "Without --contact-point: more than 1 starts a kit cluster of N nodes (127.0.0.1..N on port 19242 + the kit's port offset) for the benchmark (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Mixin ShardOptions sharding;
    @Mixin LocalNode local;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (ops != null && duration != null) {
            err.println("Give --ops or --duration, not both.");
            return 2;
        }
        RunSpec load;
        List<Driver> chosen;
        try {
            load = new RunSpec(workload, concurrency != null ? concurrency : workload.defaultConcurrency(), rate,
                    ops != null ? ops : 0, ops != null ? null : RunSpec.parseDuration(duration != null ? duration : "30s"),
                    warmup != null ? RunSpec.parseDuration(warmup) : null, valueSize, keys);
            chosen = Driver.parseList(compare ? "jsylla,apache,scylla" : drivers == null ? "jsylla" : String.join(",", drivers));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (sharding.enabled() && ceiling) {
            err.println("--shards fronts a database with the shard simulator; it does not apply to --ceiling.");
            return 2;
        }
        if (nodes < 1 || (nodes > 1 && (contactPoint != null || ceiling))) {
            err.println("--nodes N (N >= 1) starts a kit cluster; not with --contact-point or --ceiling.");
            return 2;
        }
        String target = contactPoint != null ? contactPoint : nodes > 1 ? "127.0.0.1:" + (CLUSTER_PORT + portOffset())
                : "127.0.0.1:" + local.port;
        // Behind `jsylla node start --shards`, the local node is on its own port: front it, not its simulator.
        if (sharding.enabled() && contactPoint == null && nodes == 1 && local.simulator().isPresent()) {
            target = local.record().map(r -> r.host() + ":" + r.nativePort()).orElse(target);
        }
        CassandraCluster embedded = null;
        if (!ceiling && !answers(target)) {
            if (contactPoint != null) {
                err.println("No node answers at " + target + ".");
                return 2;
            }
            out.println("No node answers at " + target + "; starting " + (nodes > 1 ? "a kit cluster of " + nodes + " nodes"
                    : "the local Cassandra node") + " for this benchmark...");
            out.flush();
            embedded = nodes > 1 ? benchCluster().start() : local.cluster(true).start();
        }
        try {
            Orchestrator.Options options = new Orchestrator.Options(chosen, load, rounds, ceiling, target, json,
                    sharding.enabled() ? sharding.options(0, 0) : null);
            Report report = Orchestrator.run(options, out, err, System.console() != null);
            return report.allSucceeded() ? 0 : 1;
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return 2;
        } finally {
            if (embedded != null) {
                out.println("Stopping the local node...");
                out.flush();
                embedded.close();
            }
        }
    }

    /** Clear of the local node (9042) and of the kit's shared test node and cluster (19042, 19142). */
    private static final int CLUSTER_PORT = 19242;

    private static int portOffset() {
        return Integer.getInteger("jsylla.testkit.portOffset", 0);
    }

    /** The benchmark's own cluster: owned by this command (stopped with it), its data kept in --dir. */
    private CassandraCluster benchCluster() {
        int offset = portOffset();
        return CassandraCluster.builder().name("bench-" + nodes + "-nodes").nodes(nodes).baseDirectory(local.base)
                .nativePort(CLUSTER_PORT + offset).storagePort(17400 + offset).jmxPort(17599 + offset).heap(local.heap)
                .freshData(false).stopWithOwner(true).build();
    }

    private static boolean answers(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        InetSocketAddress address = colon < 0 ? new InetSocketAddress(hostPort, 9042)
                : new InetSocketAddress(hostPort.substring(0, colon).replace("[", "").replace("]", ""),
                        Integer.parseInt(hostPort.substring(colon + 1)));
        try (CqlProbe probe = CqlProbe.open(address, Duration.ofSeconds(2), null)) {
            probe.options();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
