package io.jsylla.cli;

import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.CassandraNode;
import io.jsylla.testkit.CqlProbe;
import io.jsylla.testkit.NodeRecord;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jsylla node start|stop|status}: one local Cassandra node that outlives the command. */
@Command(name = "node", description = "Start, stop or inspect the local Cassandra node.",
        mixinStandardHelpOptions = true,
        subcommands = {NodeCommand.Start.class, NodeCommand.Stop.class, NodeCommand.Status.class})
final class NodeCommand {

    @Command(name = "start", description = "Start the local node (if not running) and wait until it answers CQL.",
            mixinStandardHelpOptions = true)
    static final class Start implements Callable<Integer> {
        @Mixin LocalNode local;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Optional<NodeRecord> running = local.record();
            if (running.isPresent()) {
                out.println("Already running.");
                describe(out, running.get());
                return 0;
            }
            out.println("Starting Cassandra at 127.0.0.1:" + local.port + " (first start resolves it from Maven Central)...");
            out.flush();
            CassandraCluster cluster = local.cluster(false).start();
            CassandraNode node = cluster.node(1);
            out.println("Started Cassandra " + cluster.cassandraVersion() + ".");
            describe(out, NodeRecord.read(node.directory()).orElseThrow());
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
            describe(out, running.get());
            try (CqlProbe probe = CqlProbe.connect(running.get().address(), Duration.ofSeconds(5), null, null, null)) {
                out.println("  CQL:     answering, Cassandra "
                        + probe.queryValue("SELECT release_version FROM system.local WHERE key = 'local'"));
            } catch (RuntimeException e) {
                out.println("  CQL:     not answering yet (" + e.getMessage() + ")");
            }
            return 0;
        }
    }

    static void describe(PrintWriter out, NodeRecord r) {
        out.println("  address: " + r.host() + ":" + r.nativePort());
        out.println("  pid:     " + r.pid());
        out.println("  data:    " + r.dataDirectory());
        out.println("  log:     " + r.logFile());
    }
}
