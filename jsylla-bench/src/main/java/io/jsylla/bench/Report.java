package io.jsylla.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every run of a benchmark and what the report makes of them: per driver, the median of each
 * figure over its rounds (failed runs left out), and the ratio of each median to jsylla's.
 *
 * @param settings what was run (workload, mode, rounds...), for the JSON
 * @param ceiling  whether the node was the ceiling server (changes the throughput target)
 */
public record Report(List<Driver> drivers, List<RunResult> runs, Map<String, Object> settings, boolean ceiling) {

    /** A performance target: jsylla's figure over Apache's, at most (or at least) {@code bound}. */
    public record Target(String name, Metric metric, double bound, boolean atLeast) {
        public boolean met(double jsyllaOverApache) {
            return Double.isFinite(jsyllaOverApache) && (atLeast ? jsyllaOverApache >= bound : jsyllaOverApache <= bound);
        }
    }

    public Report {
        drivers = List.copyOf(drivers);
        runs = List.copyOf(runs);
        settings = new LinkedHashMap<>(settings);
    }

    /**
     * The performance targets, against the Apache Java driver. At a fixed rate every
     * driver does the same ops/s, so there the throughput target does not apply.
     */
    public List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        boolean fixedRate = settings.get("rate") instanceof Number rate && rate.doubleValue() > 0;
        if (!fixedRate) {
            targets.add(ceiling ? new Target("driver-ceiling throughput", Metric.OPS_PER_SECOND, 2.0, true)
                    : new Target("throughput", Metric.OPS_PER_SECOND, 1.15, true));
        }
        targets.add(new Target("CPU per op", Metric.CPU, 0.5, false));
        targets.add(new Target("allocation per op", Metric.ALLOCATION, 0.25, false));
        targets.add(new Target("connect-to-ready", Metric.CONNECT, 0.5, false));
        return targets;
    }

    /** Whether the runs went through the shard simulator. */
    public boolean sharded() {
        return runs.stream().anyMatch(r -> r.shards() != null);
    }

    /** The figures this report has: the shard figures only behind the simulator. */
    public List<Metric> metrics() {
        return java.util.Arrays.stream(Metric.values()).filter(m -> sharded() || !m.sharded()).toList();
    }

    public List<RunResult> runsOf(Driver d) {
        return runs.stream().filter(r -> r.driver().equals(d.label())).toList();
    }

    /** The median over the driver's runs that completed operations. */
    public double median(Driver d, Metric m) {
        return Stats.median(runsOf(d).stream().filter(r -> r.ops() > 0).mapToDouble(m::of).toArray());
    }

    /** The driver's median over jsylla's. */
    public double ratioToJsylla(Driver d, Metric m) {
        return Stats.ratio(median(d, m), median(Driver.JSYLLA, m));
    }

    public long errors(Driver d) {
        return runsOf(d).stream().mapToLong(RunResult::errors).sum();
    }

    /** The version the driver's runs reported. */
    public String version(Driver d) {
        return runsOf(d).stream().map(RunResult::version).filter(v -> v != null && !v.equals("?")).findFirst().orElse("?");
    }

    public boolean allSucceeded() {
        return drivers.stream().allMatch(d -> !runsOf(d).isEmpty() && runsOf(d).stream().allMatch(RunResult::succeeded));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(settings);
        m.put("ceiling", ceiling);
        List<Object> runList = new ArrayList<>();
        for (RunResult r : runs) runList.add(r.toMap());
        m.put("runs", runList);
        Map<String, Object> medians = new LinkedHashMap<>();
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (Driver d : drivers) {
            Map<String, Object> dm = new LinkedHashMap<>();
            Map<String, Object> dr = new LinkedHashMap<>();
            dm.put("version", version(d));
            dm.put("errors", errors(d));
            for (Metric metric : metrics()) {
                dm.put(metric.key(), median(d, metric));
                dr.put(metric.key(), ratioToJsylla(d, metric));
            }
            medians.put(d.label(), dm);
            ratios.put(d.label(), dr);
        }
        m.put("medians", medians);
        m.put("ratiosToJsylla", ratios);
        if (drivers.contains(Driver.APACHE)) {
            List<Object> targets = new ArrayList<>();
            for (Target t : targets()) {
                double jsyllaOverApache = 1 / ratioToJsylla(Driver.APACHE, t.metric());
                Map<String, Object> tm = new LinkedHashMap<>();
                tm.put("target", t.name());
                tm.put("jsyllaOverApache", jsyllaOverApache);
                tm.put("bound", (t.atLeast() ? ">= " : "<= ") + t.bound());
                tm.put("met", t.met(jsyllaOverApache));
                targets.add(tm);
            }
            m.put("targets", targets);
        }
        return m;
    }
}
