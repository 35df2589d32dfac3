package io.jsylla.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load of one run, the same for every driver: the workload, the in-flight window or the
 * rate, how long (an op count, else a duration), the warm-up, the value size and key count.
 * It crosses from the orchestrator to a worker as {@code --option value} arguments.
 *
 * @param concurrency the in-flight window; in rate mode, the most requests in flight
 * @param rate        operations a second to start (rate mode), or 0 for window mode
 * @param ops         measured operations, or 0 to run for {@code duration}
 * @param warmup      the warm-up's length, or null for a fifth of the op count (a quarter of
 *                    the duration, at most 10 s)
 */
public record RunSpec(Workload workload, int concurrency, double rate, long ops, Duration duration, Duration warmup,
                      int valueSize, long keys) {

    public RunSpec {
        if (concurrency < 1) throw new IllegalArgumentException("--concurrency must be at least 1: " + concurrency);
        if (rate < 0) throw new IllegalArgumentException("--rate must not be negative: " + rate);
        if (ops < 0) throw new IllegalArgumentException("--ops must not be negative: " + ops);
        if (ops == 0 && (duration == null || duration.isZero() || duration.isNegative())) {
            throw new IllegalArgumentException("give a positive --ops or --duration");
        }
        if (valueSize < 0) throw new IllegalArgumentException("--value-size must not be negative: " + valueSize);
        if (keys < 1) throw new IllegalArgumentException("--keys must be at least 1: " + keys);
    }

    /** The measured phase's limit. */
    public LoadLoop.Limit measureLimit() {
        return ops > 0 ? LoadLoop.Limit.ops(ops) : LoadLoop.Limit.time(duration);
    }

    /** The warm-up's limit (possibly nothing). */
    public LoadLoop.Limit warmupLimit() {
        if (warmup != null) return LoadLoop.Limit.time(warmup);
        if (ops > 0) return LoadLoop.Limit.ops(Math.max(1, ops / 5));
        Duration quarter = duration.dividedBy(4);
        return LoadLoop.Limit.time(quarter.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : quarter);
    }

    public String mode() {
        return rate > 0 ? "rate " + formatRate(rate) + "/s (at most " + concurrency + " in flight)"
                : "window of " + concurrency + " in flight";
    }

    public List<String> toArgs() {
        List<String> args = new ArrayList<>(List.of("--workload", workload.label(), "--concurrency", Integer.toString(concurrency)));
        if (rate > 0) args.addAll(List.of("--rate", formatRate(rate)));
        if (ops > 0) args.addAll(List.of("--ops", Long.toString(ops)));
        else args.addAll(List.of("--duration", duration.toMillis() + "ms"));
        if (warmup != null) args.addAll(List.of("--warmup", warmup.toMillis() + "ms"));
        args.addAll(List.of("--value-size", Integer.toString(valueSize), "--keys", Long.toString(keys)));
        return args;
    }

    /** The spec from {@code --option value} pairs (unknown options are the caller's). */
    public static RunSpec fromOptions(Map<String, String> o) {
        Workload w = Workload.parse(o.getOrDefault("workload", "insert"));
        String c = o.get("concurrency");
        return new RunSpec(w, c == null ? w.defaultConcurrency() : Integer.parseInt(c),
                Double.parseDouble(o.getOrDefault("rate", "0")), Long.parseLong(o.getOrDefault("ops", "0")),
                o.containsKey("duration") ? parseDuration(o.get("duration")) : null,
                o.containsKey("warmup") ? parseDuration(o.get("warmup")) : null,
                Integer.parseInt(o.getOrDefault("value-size", "100")), Long.parseLong(o.getOrDefault("keys", "100000")));
    }

    /** {@code --name value} pairs; a flag without a value maps to "true". */
    public static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected an --option, got '" + args[i] + "'");
            String name = args[i].substring(2);
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            options.put(name, hasValue ? args[++i] : "true");
        }
        return options;
    }

    /** {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}, or ISO-8601 ({@code PT30S}). */
    public static Duration parseDuration(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt")) return Duration.parse(t);
            if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            switch (t.charAt(t.length() - 1)) {
                case 's': return Duration.ofSeconds(n);
                case 'm': return Duration.ofMinutes(n);
                case 'h': return Duration.ofHours(n);
                default: break;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new IllegalArgumentException("not a duration: '" + s + "' (try 30s, 500ms, 2m)");
    }

    private static String formatRate(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
