package io.jsylla.bench;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** A figure of the report: its label, how to read it from a run, how to print it. */
public enum Metric {
    OPS_PER_SECOND("ops/s", "opsPerSecond", RunResult::opsPerSecond, "%,.0f"),
    P50("p50 latency µs", "p50Micros", RunResult::p50Micros, "%,.0f"),
    P99("p99 latency µs", "p99Micros", RunResult::p99Micros, "%,.0f"),
    P999("p99.9 latency µs", "p999Micros", RunResult::p999Micros, "%,.0f"),
    MAX("max latency µs", "maxMicros", RunResult::maxMicros, "%,.0f"),
    CPU("CPU µs/op", "cpuMicrosPerOp", RunResult::cpuMicrosPerOp, "%,.1f"),
    ALLOCATION("bytes allocated/op", "bytesPerOp", RunResult::bytesPerOp, "%,.0f"),
    CONNECT("connect-to-ready ms", "connectMillis", RunResult::connectMillis, "%,.0f"),
    // Behind the shard simulator only: per 100 routed EXECUTEs of the measured phase.
    SHARD_MISSES("shard misses %", "shardMissRate", r -> r.shards() == null ? Double.NaN : 100 * r.shards().missRate(), "%,.1f"),
    NON_REPLICA("non-replica coordinator %", "nonReplicaRate", r -> r.shards() == null ? Double.NaN : 100 * r.shards().nonReplicaRate(), "%,.1f");

    private final String label;
    private final String key;
    private final ToDoubleFunction<RunResult> reader;
    private final String format;

    Metric(String label, String key, ToDoubleFunction<RunResult> reader, String format) {
        this.label = label;
        this.key = key;
        this.reader = reader;
        this.format = format;
    }

    /** Whether the figure exists only behind the shard simulator. */
    public boolean sharded() {
        return this == SHARD_MISSES || this == NON_REPLICA;
    }

    public String label() {
        return label;
    }

    /** The name of the figure in the JSON. */
    public String key() {
        return key;
    }

    public double of(RunResult r) {
        return reader.applyAsDouble(r);
    }

    public String format(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "-";
    }
}
