package io.jsylla.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report as text: one row per figure, one column per driver, each figure the median over
 * rounds with its ratio to jsylla's; then the drivers' versions and, when the Apache driver ran,
 * the performance targets.
 */
public final class ReportTable {
    private ReportTable() {}

    public static String format(Report report) {
        List<Driver> drivers = report.drivers();
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[drivers.size() + 1];
        header[0] = "median of " + rounds(report) + " round(s)";
        for (int i = 0; i < drivers.size(); i++) header[i + 1] = drivers.get(i).label();
        rows.add(header);
        for (Metric m : report.metrics()) {
            String[] row = new String[drivers.size() + 1];
            row[0] = m.label();
            for (int i = 0; i < drivers.size(); i++) {
                Driver d = drivers.get(i);
                String cell = m.format(report.median(d, m));
                if (d != Driver.JSYLLA) cell += " (" + ratio(report.ratioToJsylla(d, m)) + ")";
                row[i + 1] = cell;
            }
            rows.add(row);
        }
        String[] errors = new String[drivers.size() + 1];
        errors[0] = "failed operations";
        for (int i = 0; i < drivers.size(); i++) errors[i + 1] = Long.toString(report.errors(drivers.get(i)));
        rows.add(errors);

        StringBuilder out = new StringBuilder();
        Object description = report.settings().get("description");
        if (description != null) out.append(description).append('\n');
        out.append("(x) = the driver's median over jsylla's\n\n");
        appendAligned(rows, out);
        out.append('\n');
        for (Driver d : drivers) out.append(String.format(Locale.ROOT, "%-7s %s%n", d.label(), report.version(d)));
        if (report.sharded()) appendConnections(report, out);
        if (drivers.contains(Driver.APACHE)) appendTargets(report, out);
        for (RunResult r : report.runs()) {
            if (r.firstError() != null) {
                out.append(String.format(Locale.ROOT, "%n%s round %d: %d failed, first: %s", r.driver(), r.round(), r.errors(), r.firstError()));
            }
        }
        return out.toString();
    }

    /** Each run's pool as the simulator saw it when measuring began: what a shard-aware driver fills. */
    private static void appendConnections(Report report, StringBuilder out) {
        out.append("\nConnections per shard when measuring began (node shard=connections):\n");
        for (RunResult r : report.runs()) {
            if (r.shards() == null) continue;
            out.append(String.format(Locale.ROOT, "  %-7s round %d: %s   (%,d routed, %,d shard misses, %,d non-replica)%n", r.driver(),
                    r.round(), r.shards().describeConnections(), r.shards().routed(), r.shards().shardMisses(), r.shards().nonReplica()));
        }
    }

    private static void appendTargets(Report report, StringBuilder out) {
        out.append("\nTargets: jsylla's median over the Apache driver's\n");
        for (Report.Target t : report.targets()) {
            double v = 1 / report.ratioToJsylla(Driver.APACHE, t.metric());
            out.append(String.format(Locale.ROOT, "  %-26s %8s   target %s %sx   %s%n", t.name(), ratio(v),
                    t.atLeast() ? ">=" : "<=", trim(t.bound()), t.met(v) ? "met" : "NOT met"));
        }
    }

    static String ratio(double r) {
        return Double.isFinite(r) ? String.format(Locale.ROOT, "%.2fx", r) : "-";
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static long rounds(Report report) {
        return report.runs().stream().mapToInt(RunResult::round).max().orElse(0);
    }

    /** Left-aligned first column, right-aligned figures, two spaces between columns. */
    private static void appendAligned(List<String[]> rows, StringBuilder out) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) width[c] = Math.max(width[c], row[c].length());
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            line.append(row[0]).append(" ".repeat(width[0] - row[0].length()));
            for (int c = 1; c < columns; c++) line.append("  ").append(" ".repeat(width[c] - row[c].length())).append(row[c]);
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
