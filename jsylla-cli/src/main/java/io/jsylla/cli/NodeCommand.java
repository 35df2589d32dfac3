package io.jsylla.cli;

import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.CassandraNode;
import io.jsylla.testkit.CqlProbe;
import io.jsylla.testkit.NodeRecord;
import io.jsylla.testkit.scylla.ShardCountsFile;
import io.jsylla.testkit.scylla.ShardSimulatorOptions;
import io.jsylla.testkit.scylla.ShardSimulatorProcess;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jsylla node start|stop|status}: one local Cassandra node that outlives the command,
 * optionally (with {@code --shards}) behind a detached ScyllaDB shard simulator that outlives it too.
 */
@Command(name = "node", description = "Start, stop or inspect the local Cassandra node.",
        mixinStandardHelpOptions = true,
        subcommands = {NodeCommand.Start.class, NodeCommand.Stop.class, NodeCommand.Status.class})
final class NodeCommand {

    @Command(name = "start", description = {"Start the local node (if not running) and wait until it answers CQL.",
            "With --shards, the node takes --port + 1 and a detached ScyllaDB shard simulator takes --port and the shard-aware port."},
            mixinStandardHelpOptions = true)
    static final class Start implements Callable<Integer> {
        @Mixin LocalNode local;
        @Mixin ShardOptions sharding;
        @Option(names = "--shard-aware-port", paramLabel = "PORT",
                description = "The simulator's shard-aware port (default: --port + 10000, so 19042 beside 9042, as ScyllaDB).")
        Integer shardAwarePort;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Optional<NodeRecord> running = local.record();
            if (running.isPresent()) {
                Optional<ShardSimulatorProcess> simulator = local.simulator();
                if (sharding.enabled() && simulator.isEmpty()) {
                    spec.commandLine().getErr().println("The node runs without the shard simulator; stop it first (jsylla node stop).");
                    return 2;
                }
                out.println("Already running.");
                describe(out, running.get(), simulator);
                return 0;
            }
            ShardSimulatorOptions options = null;
            if (sharding.enabled()) {
                try {
                    options = sharding.options(local.port, shardAwarePort != null ? shardAwarePort : local.port + 10000);
                } catch (IllegalArgumentException e) {
                    spec.commandLine().getErr().println(e.getMessage());
                    return 2;
                }
            }
            int nodePort = options != null ? local.port + 1 : local.port;
            out.println("Starting Cassandra at 127.0.0.1:" + nodePort + " (first start resolves it from Maven Central)...");
            out.flush();
            CassandraCluster cluster = local.cluster(false, nodePort).start();
            CassandraNode node = cluster.node(1);
            out.println("Started Cassandra " + cluster.cassandraVersion() + ".");
            NodeRecord record = NodeRecord.read(node.directory()).orElseThrow();
            Optional<ShardSimulatorProcess> simulator = Optional.empty();
            if (options != null) {
                out.println("Starting the shard simulator on 127.0.0.1:" + options.port() + " (" + options.shards() + " shards)...");
                out.flush();
                try {
                    simulator = Optional.of(ShardSimulatorProcess.start(local.nodeDirectory(), record.address(), record.pid(),
                            options, Duration.ofSeconds(60)));
                } catch (RuntimeException e) {
                    spec.commandLine().getErr().println(e.getMessage());
                    out.println("Stopping the node, which the simulator was to front...");
                    record.stop(Duration.ofSeconds(60));
                    return 1;
                }
            }
            describe(out, record, simulator);
            out.println("Stop it with: jsylla node stop");
            return 0;
        }
    }

    @Command(name = "stop", description = "Stop the local node gracefully.", mixinStandardHelpOptions = true)
    static final class Stop implements Callable<Integer> {
        @Mixin LocalNode local;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Optional<NodeRecord> running = local.record();
            Optional<ShardSimulatorProcess> simulator = local.simulator();
            if (simulator.isPresent()) {
                out.println("Stopping the shard simulator, pid " + simulator.get().pid() + "...");
                out.flush();
                simulator.get().stop(Duration.ofSeconds(10));
            }
            if (running.isEmpty()) {
                out.println("Not running (folder " + local.nodeDirectory() + ").");
                return 0;
            }
            out.println("Stopping pid " + running.get().pid() + "...");
            out.flush();
            running.get().stop(Duration.ofSeconds(60));
            out.println("Stopped.");
            return 0;
        }
    }

    @Command(name = "status", description = "Tell whether the local node runs and answers CQL; exit code 3 when not running.",
            mixinStandardHelpOptions = true)
    static final class Status implements Callable<Integer> {
        @Mixin LocalNode local;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Optional<NodeRecord> running = local.record();
            if (running.isEmpty()) {
                out.println("Not running (folder " + local.nodeDirectory() + ").");
                return 3;
            }
            out.println("Running.");
            Optional<ShardSimulatorProcess> simulator = local.simulator();
            describe(out, running.get(), simulator);
            try (CqlProbe probe = CqlProbe.connect(running.get().address(), Duration.ofSeconds(5), null, null, null)) {
                out.println("  CQL:     answering, Cassandra "
                        + probe.queryValue("SELECT release_version FROM system.local WHERE key = 'local'"));
            } catch (RuntimeException e) {
                out.println("  CQL:     not answering yet (" + e.getMessage() + ")");
            }
            simulator.ifPresent(sim -> describeCounts(out, sim));
            return 0;
        }
    }

    static void describe(PrintWriter out, NodeRecord r, Optional<ShardSimulatorProcess> simulator) {
        out.println("  address: " + simulator.map(s -> s.host() + ":" + s.port() + " (the shard simulator; Cassandra itself on "
                + r.host() + ":" + r.nativePort() + ")").orElse(r.host() + ":" + r.nativePort()));
        out.println("  pid:     " + r.pid());
        out.println("  data:    " + r.dataDirectory());
        out.println("  log:     " + r.logFile());
        simulator.ifPresent(s -> {
            out.println("  shards:  " + s.shards() + " (ignore_msb " + s.ignoreMsb() + ", cross-shard penalty "
                    + s.crossShardPenaltyMicros() + " µs), shard-aware port " + s.shardAwarePort());
            out.println("  simulator pid: " + s.pid() + ", log " + s.directory().resolve("logs/shard-simulator.log"));
        });
    }

    /** The simulator's latest counts: open connections per shard, and misses since it started. */
    private static void describeCounts(PrintWriter out, ShardSimulatorProcess s) {
        Optional<ShardCountsFile> counts = s.counts();
        if (counts.isEmpty()) {
            out.println("  connections per shard: not written yet");
            return;
        }
        ShardCountsFile c = counts.get();
        out.println("  connections per shard: " + ShardCountsFile.allShards(c.connectionsPerShard().get(0), s.shards()));
        out.println("  routed EXECUTEs: " + c.routed() + ", shard misses: " + c.shardMisses() + ", non-replica: " + c.nonReplica());
        try (CqlProbe probe = CqlProbe.connect(s.address(), Duration.ofSeconds(5), null, null, null)) {
            probe.options();
            out.println("  CQL via the simulator: answering on " + s.host() + ":" + s.port());
        } catch (RuntimeException e) {
            out.println("  CQL via the simulator: not answering (" + e.getMessage() + ")");
        }
    }
}
