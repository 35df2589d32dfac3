package io.jsylla.cli;

import io.jsylla.ColumnSpec;
import io.jsylla.Row;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** A top-level value: text as it is (on one line), everything else as a literal. */
    static String cell(Object value) {
        if (value instanceof CharSequence s) return s.toString().replace("\n", "\\n").replace("\r", "\\r");
        StringBuilder b = new StringBuilder();
        literal(b, value);
        return b.toString();
    }

    private static void literal(StringBuilder b, Object value) {
        if (value == null) {
            b.append("null");
        } else if (value instanceof CharSequence s) {
            b.append('\'').append(s.toString().replace("'", "''").replace("\n", "\\n")).append('\'');
        } else if (value instanceof ByteBuffer buf) {
            byte[] bytes = new byte[buf.remaining()];
            buf.duplicate().get(bytes);
            b.append("0x").append(HexFormat.of().formatHex(bytes));
        } else if (value instanceof byte[] bytes) {
            b.append("0x").append(HexFormat.of().formatHex(bytes));
        } else if (value instanceof java.net.InetAddress a) {
            b.append(a.getHostAddress());
        } else if (value instanceof Map<?, ?> map) {
            b.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : map.entrySet()) {
                b.append(sep);
                literal(b, e.getKey());
                b.append(": ");
                literal(b, e.getValue());
                sep = ", ";
            }
            b.append('}');
        } else if (value instanceof Collection<?> c) {
            boolean set = c instanceof Set;
            b.append(set ? '{' : '[');
            String sep = "";
            for (Iterator<?> it = c.iterator(); it.hasNext(); sep = ", ") {
                b.append(sep);
                literal(b, it.next());
            }
            b.append(set ? '}' : ']');
        } else {
            b.append(value); // numbers, uuids, inet, dates, durations, vectors, tuples and UDTs print themselves
        }
    }
}
