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
 * {@code --contact-point} is given) or on the driver-ceiling server ({@code --ceiling}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark jsylla, and with --compare the Apache and ScyllaDB Java drivers, on one node.",
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
        String target = contactPoint != null ? contactPoint : "127.0.0.1:" + local.port;
        CassandraCluster embedded = null;
        if (!ceiling && !answers(target)) {
            if (contactPoint != null) {
                err.println("No node answers at " + target + ".");
                return 2;
            }
            out.println("No node answers at " + target + "; starting the local Cassandra node for this benchmark...");
            out.flush();
            embedded = local.cluster(true).start();
        }
        try {
            Report report = Orchestrator.run(new Orchestrator.Options(chosen, load, rounds, ceiling, target, json), out, err,
                    System.console() != null);
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
