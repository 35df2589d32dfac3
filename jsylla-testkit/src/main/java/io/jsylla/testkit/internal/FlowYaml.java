package io.jsylla.testkit.internal;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a {@code cassandra.yaml} from a map. Each top-level key goes on its own line and every
 * value in JSON-compatible flow style, which YAML 1.1 and 1.2 readers (Cassandra's SnakeYAML)
 * both accept, so no quoting rule of block style can bite.
 */
public final class FlowYaml {
    private FlowYaml() {}

    public static String render(Map<String, ?> settings) {
        StringBuilder out = new StringBuilder(1024);
        for (Map.Entry<String, ?> e : settings.entrySet()) {
            out.append(e.getKey()).append(": ");
            value(out, e.getValue());
            out.append('\n');
        }
        return out.toString();
    }

    static void value(StringBuilder out, Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Boolean || v instanceof Number) {
            out.append(v);
        } else if (v instanceof Map<?, ?> map) {
            out.append('{');
            for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<?, ?> e = it.next();
                string(out, String.valueOf(e.getKey()));
                out.append(": ");
                value(out, e.getValue());
                if (it.hasNext()) out.append(", ");
            }
            out.append('}');
        } else if (v instanceof Collection<?> list) {
            out.append('[');
            for (Iterator<?> it = list.iterator(); it.hasNext(); ) {
                value(out, it.next());
                if (it.hasNext()) out.append(", ");
            }
            out.append(']');
        } else {
            string(out, v.toString());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
