package io.jsylla.cli;

import io.jsylla.ColumnSpec;
import io.jsylla.CqlLiterals;
import io.jsylla.Row;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows as an aligned text table, as cqlsh shows them: a header, a rule, one line per row.
 * Values read as CQL literals would, except that top-level text goes unquoted.
 */
final class ResultTable {
    private final List<String> header = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();

    ResultTable(List<ColumnSpec> columns) {
        for (ColumnSpec c : columns) header.add(c.name());
    }

    void add(Row row) {
        String[] cells = new String[header.size()];
        for (int i = 0; i < cells.length; i++) cells[i] = cell(row.get(i));
        rows.add(cells);
    }

    int size() {
        return rows.size();
    }

    void print(PrintWriter out) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) widths[i] = header.get(i).length();
        for (String[] r : rows) for (int i = 0; i < r.length; i++) widths[i] = Math.max(widths[i], r[i].length());
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            line.append(i == 0 ? " " : " | ").append(pad(header.get(i), widths[i]));
        }
        out.println(line.toString().stripTrailing());
        line.setLength(0);
        for (int i = 0; i < widths.length; i++) line.append(i == 0 ? "-" : "-+-").append("-".repeat(widths[i]));
        out.println(line.append('-'));
        for (String[] r : rows) {
            line.setLength(0);
            for (int i = 0; i < r.length; i++) line.append(i == 0 ? " " : " | ").append(pad(r[i], widths[i]));
            out.println(line.toString().stripTrailing());
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    /** A top-level value: text as it is, everything else as a CQL literal; on one line either way. */
    static String cell(Object value) {
        String s = value instanceof CharSequence text ? text.toString() : CqlLiterals.format(value);
        return s.replace("\n", "\\n").replace("\r", "\\r");
    }
}
