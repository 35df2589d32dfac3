package io.jsylla.bench;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;

/**
 * One run of one driver, in a JVM of its own (the orchestrator starts it with the driver's
 * classpath): connects, timing connect-to-ready; prepares; warms up; then measures one phase,
 * with the process's CPU time and allocations read around it.
 *
 * <pre>java -cp "$(cat jsylla-bench-apache/target/bench-classpath.txt)" io.jsylla.bench.Worker \
 *     --driver apache --contact-point 127.0.0.1:9042 --local-dc datacenter1 --workload insert --ops 100000</pre>
 *
 * <p>Standard output carries the protocol the orchestrator reads: {@code PROGRESS <phase>
 * <completed> <percent> <ops/s>} lines while it runs, then one {@code RESULT <json>} line (or
 * {@code FAILED <why>}). The driver's logs go to standard error. The schema must exist, and the
 * keys for reading workloads be written: the orchestrator does that first.
 */
public final class Worker {
    private static final long PROGRESS_INTERVAL_MILLIS = 250;

    private Worker() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        try {
            Map<String, String> o = RunSpec.options(args);
            Driver driver = Driver.parse(required(o, "driver"));
            RunResult result = run(driver, required(o, "contact-point"), o.get("local-dc"), RunSpec.fromOptions(o),
                    Integer.parseInt(o.getOrDefault("round", "1")), Integer.parseInt(o.getOrDefault("shards", "0")), out);
            out.println("RESULT " + Json.write(result.toMap()));
            out.flush();
            System.exit(0);
        } catch (Throwable t) {
            out.println("FAILED " + LoadLoop.describe(t));
            out.flush();
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) throw new IllegalArgumentException("--" + name + " is required");
        return v;
    }

    static RunResult run(Driver driver, String contactPoint, String localDc, RunSpec spec, int round, int shards,
                         PrintStream out) throws Exception {
        try (DriverAdapter adapter = driver.newAdapter()) {
            if (shards > 0) adapter.shardsPerNode(shards);
            long t0 = System.nanoTime();
            adapter.connect(contactPoint, localDc);
            double connectMillis = (System.nanoTime() - t0) / 1e6;
            adapter.prepare();
            LoadLoop.Operation operation = operation(adapter, spec);

            LoadLoop.Limit warmup = spec.warmupLimit();
            if (!warmup.isEmpty()) {
                LoadLoop.Outcome w = phase("warmup", new LoadLoop(spec.concurrency(), spec.rate()), operation, warmup, out);
                if (w.ops() == 0 && w.errors() > 0) throw new IllegalStateException("every warm-up operation failed: " + w.firstError());
            }
            LoadLoop measured = new LoadLoop(spec.concurrency(), spec.rate());
            ProcessMeter.Reading before = ProcessMeter.read();
            LoadLoop.Outcome o = phase("measure", measured, operation, spec.measureLimit(), out);
            ProcessMeter.Reading after = ProcessMeter.read();

            Histogram h = o.latencies();
            double perOp = Math.max(1, o.ops());
            return new RunResult(driver.label(), adapter.version(), spec.workload().label(), spec.mode(), round,
                    o.ops(), o.errors(), o.firstError(), o.rows(), o.elapsedNanos() / 1e9, o.opsPerSecond(),
                    micros(h, 50), micros(h, 99), micros(h, 99.9), h.getTotalCount() == 0 ? 0 : h.getMaxValue() / 1e3,
                    ProcessMeter.cpuNanos(before, after) / 1e3 / perOp,
                    ProcessMeter.allocatedBytes(before, after) / perOp, connectMillis);
        }
    }

    private static double micros(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1e3;
    }

    /** Runs a phase, printing progress lines from a daemon thread while it runs. */
    private static LoadLoop.Outcome phase(String name, LoadLoop loop, LoadLoop.Operation op, LoadLoop.Limit limit,
                                          PrintStream out) throws InterruptedException {
        // At once, not after the first interval: the orchestrator reads the shard simulator's counts at this line.
        out.printf(Locale.ROOT, "PROGRESS %s 0 0.0 0%n", name);
        out.flush();
        Thread reporter = new Thread(() -> {
            long lastCount = 0;
            long lastTime = System.nanoTime();
            try {
                while (true) {
                    Thread.sleep(PROGRESS_INTERVAL_MILLIS);
                    long count = loop.completed();
                    long now = System.nanoTime();
                    double rate = (count - lastCount) * 1e9 / Math.max(1, now - lastTime);
                    out.printf(Locale.ROOT, "PROGRESS %s %d %.1f %.0f%n", name, count, loop.progress() * 100, rate);
                    out.flush();
                    lastCount = count;
                    lastTime = now;
                }
            } catch (InterruptedException e) {
                // the phase ended
            }
        }, "bench-progress");
        reporter.setDaemon(true);
        reporter.start();
        try {
            return loop.run(op, limit);
        } finally {
            reporter.interrupt();
            reporter.join();
        }
    }

    /** The workload's operation: random keys in [0, keys), one shared value of the given size. */
    static LoadLoop.Operation operation(DriverAdapter a, RunSpec spec) {
        ByteBuffer value = value(spec.valueSize());
        long keys = spec.keys();
        return switch (spec.workload()) {
            case INSERT -> () -> a.insert(key(keys), value);
            case SELECT -> () -> a.select(key(keys));
            case MIXED -> () -> ThreadLocalRandom.current().nextBoolean() ? a.insert(key(keys), value) : a.select(key(keys));
            case BATCH -> () -> {
                long[] batch = new long[BenchSchema.BATCH_SIZE];
                for (int i = 0; i < batch.length; i++) batch[i] = key(keys);
                return a.batch(batch, value);
            };
            case SCAN -> a::scan;
        };
    }

    /** Writes keys 0 to keys-1 (before a reading workload), with the in-flight window given. */
    static void populate(DriverAdapter a, RunSpec spec) throws InterruptedException {
        ByteBuffer value = value(spec.valueSize());
        long[] next = {0};
        LoadLoop.Outcome o = new LoadLoop(Math.max(spec.concurrency(), 64), 0)
                .run(() -> a.insert(next[0]++, value), LoadLoop.Limit.ops(spec.keys()));
        if (o.errors() > 0) throw new IllegalStateException(o.errors() + " inserts failed writing the keys: " + o.firstError());
    }

    /**
     * Runs the workload as long as a run's warm-up, unmeasured, before the first round: the node's
     * read or write path is then compiled and warm for every driver, not warmed by the first one to run.
     */
    static void warmNode(DriverAdapter a, RunSpec spec) throws InterruptedException {
        LoadLoop.Limit limit = spec.warmupLimit();
        if (limit.isEmpty()) return;
        LoadLoop.Outcome o = new LoadLoop(spec.concurrency(), 0).run(operation(a, spec), limit);
        if (o.ops() == 0 && o.errors() > 0) throw new IllegalStateException("every operation warming the node failed: " + o.firstError());
    }

    private static long key(long keys) {
        return ThreadLocalRandom.current().nextLong(keys);
    }

    /** The same bytes in every run and driver. */
    static ByteBuffer value(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return ByteBuffer.wrap(bytes);
    }
}
