package io.jsylla.bench;

import io.jsylla.NodeInfo;
import io.jsylla.testkit.ceiling.CeilingServer;
import io.jsylla.testkit.ceiling.CeilingServerProcess;
import io.jsylla.testkit.scylla.ShardSimulatorOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a benchmark: prepares the data once, then for each round starts one worker JVM per
 * driver in turn (A B C A B C ...: a slow drift of the node or the machine spreads over every
 * driver instead of landing on one), draws one progress line, and prints the table of medians.
 *
 * <p>In driver-ceiling mode the node is the test kit's {@link CeilingServer}: it answers from
 * memory, so the figures are the drivers' own cost. Each run gets a fresh server in a JVM of its
 * own ({@link CeilingServerProcess}): a server kept across runs has its code compiled for the
 * requests of the drivers that ran before (they ask differently: the DataStax drivers have v4
 * skip result metadata, jsylla does not), so no two runs would meet the same server. The
 * server's CPU is never billed to a worker.
 *
 * <p>With the shard simulator ({@link Options#sharding}), the node and its peers are fronted by
 * simulated ScyllaDB nodes in this JVM ({@link ShardedTarget}); every driver connects to them,
 * and each run gets the simulator's counts over its measured phase ({@link ShardCounts}).
 */
public final class Orchestrator {

    /**
     * @param drivers      the drivers, jsylla first
     * @param contactPoint the node ("host:port"); ignored in ceiling mode
     * @param json         where to write every run and the medians, or null
     * @param sharding     the shard simulator to put in front of the node and its peers, or null
     *                     for none (not with the ceiling server)
     */
    public record Options(List<Driver> drivers, RunSpec spec, int rounds, boolean ceiling, String contactPoint, Path json,
                          ShardSimulatorOptions sharding) {
        public Options {
            drivers = List.copyOf(drivers);
            if (drivers.isEmpty() || drivers.get(0) != Driver.JSYLLA) throw new IllegalArgumentException("jsylla must run first");
            if (rounds < 1) throw new IllegalArgumentException("--rounds must be at least 1: " + rounds);
            if (ceiling && sharding != null) throw new IllegalArgumentException("the shard simulator fronts a database, not the ceiling server");
        }

        public Options(List<Driver> drivers, RunSpec spec, int rounds, boolean ceiling, String contactPoint, Path json) {
            this(drivers, spec, rounds, ceiling, contactPoint, json, null);
        }
    }

    private Orchestrator() {}

    /** Runs it all; the table goes to {@code out}, progress to {@code progress}. */
    public static Report run(Options o, PrintWriter out, PrintWriter progress, boolean liveProgress) throws Exception {
        BenchHome home = BenchHome.locate();
        Map<Driver, String> classpaths = new LinkedHashMap<>();
        for (Driver d : o.drivers()) classpaths.put(d, home.classpath(d));
        ProgressBar bar = new ProgressBar(progress, liveProgress);
        Path logs = Files.createTempDirectory("jsylla-bench-");
        try (ShardedTarget sharded = o.sharding() == null ? null : ShardedTarget.front(o.contactPoint(), o.sharding())) {
            return run(o, home, classpaths, bar, logs, sharded, out);
        }
    }

    private static Report run(Options o, BenchHome home, Map<Driver, String> classpaths, ProgressBar bar, Path logs,
                              ShardedTarget sharded, PrintWriter out) throws Exception {
        String contactPoint = sharded != null ? sharded.contactPoint() : o.contactPoint();
        if (sharded != null) {
            bar.println(String.format(Locale.ROOT, "Shard simulator: %d node(s) x %d shards, drivers connect to %s",
                    sharded.nodeCount(), o.sharding().shards(), contactPoint));
        }
        NodeInfo node;
        try (Target target = Target.open(o, contactPoint, classpaths.get(Driver.JSYLLA), logs, 0)) {
            node = prepareData(target.contactPoint(), o, bar);
        }
        List<RunResult> runs = new ArrayList<>();
        int total = o.rounds() * o.drivers().size();
        int k = 0;
        for (int round = 1; round <= o.rounds(); round++) {
            for (Driver d : o.drivers()) {
                String label = String.format(Locale.ROOT, "run %d/%d %-6s", ++k, total, d.label());
                RunResult r;
                try (Target target = Target.open(o, contactPoint, classpaths.get(Driver.JSYLLA), logs, k)) {
                    List<String> args = new ArrayList<>(List.of("--driver", d.label(), "--contact-point", target.contactPoint(),
                            "--local-dc", node.datacenter(), "--round", Integer.toString(round)));
                    if (sharded != null) args.addAll(List.of("--shards", Integer.toString(o.sharding().shards())));
                    args.addAll(o.spec().toArgs());
                    // The simulator's counts when the measured phase starts (the worker says so at once), and after the run.
                    ShardCounts[] atMeasure = new ShardCounts[1];
                    r = WorkerProcess.run(d, classpaths.get(d), args, round, logs.resolve(d.label() + "-" + round + ".log"),
                            (phase, done, percent, rate) -> {
                                if (sharded != null && atMeasure[0] == null && phase.equals("measure")) atMeasure[0] = sharded.snapshot();
                                bar.update(label, phase, percent, rate);
                            });
                    if (atMeasure[0] != null) r = r.withShards(sharded.snapshot().since(atMeasure[0]));
                }
                bar.println(label + "  " + summary(r));
                runs.add(r);
            }
        }
        Report report = new Report(o.drivers(), runs, settings(o, home, node, contactPoint), o.ceiling());
        if (report.allSucceeded()) deleteLogs(logs); // else kept: the failures name them
        out.println();
        out.println(ReportTable.format(report));
        if (o.json() != null) {
            Path parent = o.json().toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(o.json(), Json.write(report.toMap()) + "\n", StandardCharsets.UTF_8);
            out.println("JSON: " + o.json().toAbsolutePath());
        }
        out.flush();
        return report;
    }

    /** What a run talks to: the node given, or a fresh ceiling server process. */
    private record Target(String contactPoint, CeilingServerProcess server) implements AutoCloseable {
        static Target open(Options o, String contactPoint, String classpath, Path logs, int run) throws IOException {
            if (!o.ceiling()) return new Target(contactPoint, null);
            CeilingServerProcess server = CeilingServerProcess.start(classpath, WorkerProcess.JVM_OPTIONS, o.spec().valueSize(),
                    (int) Math.min(Integer.MAX_VALUE, o.spec().keys()), logs.resolve("ceiling-" + run + ".log"));
            return new Target(server.contactPoint(), server);
        }

        @Override
        public void close() {
            if (server != null) server.close();
        }
    }

    /**
     * Once, with jsylla and outside any measurement: learns the node's datacenter (handed to the
     * DataStax drivers, which require it), creates the schema, for reading workloads writes every
     * key, and warms the node up with the workload. The ceiling server holds its data already,
     * and each run gets a fresh one, which the run's own warm-up warms.
     */
    private static NodeInfo prepareData(String contactPoint, Options o, ProgressBar bar) throws Exception {
        try (JsyllaAdapter jsylla = new JsyllaAdapter()) {
            jsylla.connect(contactPoint, null);
            NodeInfo node = jsylla.node();
            if (!o.ceiling()) {
                jsylla.createSchema();
                jsylla.prepare();
                if (o.spec().workload().reads()) {
                    bar.println(String.format(Locale.ROOT, "Writing %,d keys of %d bytes first...", o.spec().keys(), o.spec().valueSize()));
                    Worker.populate(jsylla, o.spec());
                }
                // Else the first driver of round 1 (always jsylla) would run on a node still compiling
                // this workload's path, and every later run on a warm one.
                bar.println("Warming the node up with the workload (as long as a run's warm-up)...");
                Worker.warmNode(jsylla, o.spec());
            }
            return node;
        }
    }

    private static void deleteLogs(Path logs) throws IOException {
        try (var files = Files.list(logs)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.delete(f);
        }
        Files.delete(logs);
    }

    private static String summary(RunResult r) {
        if (r.ops() == 0) return "FAILED: " + r.firstError();
        String shards = r.shards() == null ? "" : String.format(Locale.ROOT, "  shard misses %.1f%%", 100 * r.shards().missRate());
        return String.format(Locale.ROOT, "%,.0f ops/s  p99 %,.0f µs  %,.1f CPU µs/op  %,.0f B/op%s%s", r.opsPerSecond(),
                r.p99Micros(), r.cpuMicrosPerOp(), r.bytesPerOp(), shards, r.errors() > 0 ? "  " + r.errors() + " failed" : "");
    }

    private static Map<String, Object> settings(Options o, BenchHome home, NodeInfo node, String contactPoint) {
        RunSpec s = o.spec();
        String length = s.ops() > 0 ? String.format(Locale.ROOT, "%,d ops", s.ops()) : s.duration().toSeconds() + " s";
        String target = o.ceiling() ? "the driver-ceiling server (a fresh process per run)" : "Cassandra " + node.releaseVersion() + " at " + o.contactPoint();
        ShardSimulatorOptions sim = o.sharding();
        if (sim != null) {
            target += String.format(Locale.ROOT, " behind the shard simulator at %s (%d shards, ignore_msb %d, cross-shard penalty %d µs)",
                    contactPoint, sim.shards(), sim.ignoreMsb(), sim.crossShardPenalty().toNanos() / 1000);
        }
        Map<String, Object> machine = Machine.describe();
        String date = ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String commit = home.commit();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("description", String.format(Locale.ROOT, "jsylla bench: %s, %s, %s a run, %d-byte values, %,d keys, %d round(s), against %s\n"
                + "%s, commit %s, on %s", s.workload().label(), s.mode(), length, s.valueSize(), s.keys(), o.rounds(), target,
                date, commit, Machine.summary(machine)));
        m.put("date", date);
        m.put("commit", commit);
        m.put("workload", s.workload().label());
        m.put("mode", s.mode());
        m.put("concurrency", s.concurrency());
        m.put("rate", s.rate());
        m.put("ops", s.ops());
        m.put("durationSeconds", s.duration() == null ? null : s.duration().toMillis() / 1e3);
        m.put("valueSize", s.valueSize());
        m.put("keys", s.keys());
        m.put("rounds", o.rounds());
        m.put("node", target);
        if (sim != null) {
            Map<String, Object> simulator = new LinkedHashMap<>();
            simulator.put("contactPoint", contactPoint);
            simulator.put("shards", sim.shards());
            simulator.put("ignoreMsb", sim.ignoreMsb());
            simulator.put("crossShardPenaltyMicros", sim.crossShardPenalty().toNanos() / 1000);
            m.put("shardSimulator", simulator);
        }
        m.put("workerJvmOptions", String.join(" ", WorkerProcess.JVM_OPTIONS));
        m.put("machine", machine);
        return m;
    }
}
