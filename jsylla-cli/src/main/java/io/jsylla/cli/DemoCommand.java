package io.jsylla.cli;

import io.jsylla.bench.Driver;
import io.jsylla.bench.Orchestrator;
import io.jsylla.bench.Report;
import io.jsylla.bench.RunSpec;
import io.jsylla.bench.Workload;
import io.jsylla.examples.Examples;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.CqlProbe;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jsylla demo}: uses the node at 127.0.0.1 on the local node's port, or starts the local
 * node for the length of the demo when none answers there; runs every example, then a short
 * benchmark of jsylla on the same node with a progress bar.
 */
@Command(name = "demo", description = "Run the examples and a short benchmark against a local node, starting one when none is running.",
        mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {
    @Mixin LocalNode local;
    @Spec CommandSpec spec;

    @Option(names = "--bench-duration", paramLabel = "TIME", defaultValue = "10s",
            description = "How long the benchmark measures (after a short warm-up); 0 skips it (default: ${DEFAULT-VALUE}).")
    String benchDuration;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", local.port);
        CassandraCluster embedded = null;
        if (!answers(address)) {
            out.println("No node answers at " + address.getHostString() + ":" + address.getPort()
                    + "; starting an embedded Cassandra node for this demo...");
            out.flush();
            embedded = local.cluster(true).start();
        } else {
            out.println("Using the node at " + address.getHostString() + ":" + address.getPort() + ".");
        }
        try {
            PrintStream stream = new PrintStream(new WriterOutputStream(out), true, StandardCharsets.UTF_8);
            Examples.runAll(address.getHostString() + ":" + address.getPort(), stream);
            stream.flush();
            out.println();
            out.println("All " + Examples.all().size() + " examples ran against Cassandra at " + address.getHostString() + ":" + address.getPort() + ".");
        } catch (Exception e) {
            out.println("Example failed: " + e);
            stop(embedded, out);
            return 1;
        }
        try {
            Duration measure = benchDuration.trim().equals("0") ? Duration.ZERO : RunSpec.parseDuration(benchDuration);
            if (!measure.isZero()) {
                out.println();
                out.println("A short benchmark: jsylla, 50/50 reads and writes of 100-byte values, 128 requests in flight, "
                        + measure.toSeconds() + " s (jsylla bench --compare measures the other Java drivers too).");
                out.flush();
                RunSpec load = new RunSpec(Workload.MIXED, 128, 0, 0, measure, Duration.ofSeconds(Math.min(5, Math.max(1,
                        measure.toSeconds() / 2))), 100, 10_000);
                Report report = Orchestrator.run(new Orchestrator.Options(List.of(Driver.JSYLLA), load, 1, false,
                        address.getHostString() + ":" + address.getPort(), null), out, out, System.console() != null);
                if (!report.allSucceeded()) return 1;
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            out.println("Benchmark not run: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            out.println("Benchmark failed: " + e);
            return 1;
        } finally {
            stop(embedded, out);
        }
        return 0;
    }

    private static void stop(CassandraCluster embedded, PrintWriter out) {
        if (embedded != null) {
            out.println("Stopping the embedded node...");
            out.flush();
            embedded.close();
        }
    }

    private static boolean answers(InetSocketAddress address) {
        try (CqlProbe probe = CqlProbe.open(address, Duration.ofSeconds(2), null)) {
            probe.options();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
