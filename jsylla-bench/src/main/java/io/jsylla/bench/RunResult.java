package io.jsylla.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one worker measured in one run (the measured phase only, warm-up excluded). Latencies in
 * microseconds; {@code firstError} is null when no operation failed; {@code shards} is what the
 * shard simulator counted over the run (the orchestrator adds it), null without the simulator.
 */
public record RunResult(String driver, String version, String workload, String mode, int round, long ops, long errors,
                        String firstError, long rows, double seconds, double opsPerSecond, double p50Micros,
                        double p99Micros, double p999Micros, double maxMicros, double cpuMicrosPerOp,
                        double bytesPerOp, double connectMillis, ShardCounts shards) {

    /** A run without the shard simulator. */
    public RunResult(String driver, String version, String workload, String mode, int round, long ops, long errors,
                     String firstError, long rows, double seconds, double opsPerSecond, double p50Micros,
                     double p99Micros, double p999Micros, double maxMicros, double cpuMicrosPerOp,
                     double bytesPerOp, double connectMillis) {
        this(driver, version, workload, mode, round, ops, errors, firstError, rows, seconds, opsPerSecond, p50Micros,
                p99Micros, p999Micros, maxMicros, cpuMicrosPerOp, bytesPerOp, connectMillis, null);
    }

    public RunResult withShards(ShardCounts counts) {
        return new RunResult(driver, version, workload, mode, round, ops, errors, firstError, rows, seconds, opsPerSecond,
                p50Micros, p99Micros, p999Micros, maxMicros, cpuMicrosPerOp, bytesPerOp, connectMillis, counts);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("driver", driver);
        m.put("version", version);
        m.put("workload", workload);
        m.put("mode", mode);
        m.put("round", round);
        m.put("ops", ops);
        m.put("errors", errors);
        m.put("firstError", firstError);
        m.put("rows", rows);
        m.put("seconds", seconds);
        m.put("opsPerSecond", opsPerSecond);
        m.put("p50Micros", p50Micros);
        m.put("p99Micros", p99Micros);
        m.put("p999Micros", p999Micros);
        m.put("maxMicros", maxMicros);
        m.put("cpuMicrosPerOp", cpuMicrosPerOp);
        m.put("bytesPerOp", bytesPerOp);
        m.put("connectMillis", connectMillis);
        if (shards != null) m.put("shards", shards.toMap());
        return m;
    }

    public static RunResult fromMap(Map<?, ?> m) {
        return new RunResult(str(m, "driver"), str(m, "version"), str(m, "workload"), str(m, "mode"),
                (int) num(m, "round"), (long) num(m, "ops"), (long) num(m, "errors"), str(m, "firstError"),
                (long) num(m, "rows"), num(m, "seconds"), num(m, "opsPerSecond"), num(m, "p50Micros"),
                num(m, "p99Micros"), num(m, "p999Micros"), num(m, "maxMicros"), num(m, "cpuMicrosPerOp"),
                num(m, "bytesPerOp"), num(m, "connectMillis"),
                m.get("shards") instanceof Map<?, ?> shards ? ShardCounts.fromMap(shards) : null);
    }

    /** A run that produced no result (the worker failed): no figures, one error. */
    public static RunResult failed(Driver driver, int round, String why) {
        return new RunResult(driver.label(), "?", "?", "?", round, 0, 1, why, 0, 0, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    public boolean succeeded() {
        return errors == 0 && ops > 0;
    }

    private static String str(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    private static double num(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
