package io.jsylla.internal.codec;

import io.netty.buffer.ByteBufUtil;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Renders values CQL-style for toString() and error messages: 'text' quoted, blobs as 0x..., lists
 * in [], sets and maps in {}. Readability only; the output is not meant to be parsed.
 */
public final class Literals {

    private static final int MAX_DESCRIBED = 100;

    private Literals() {
    }

    public static String format(Object value) {
        StringBuilder b = new StringBuilder();
        append(b, value);
        return b.toString();
    }

    /** "java.lang.String \"abc\"": the Java type and a bounded rendering of a value, for error messages. */
    public static String describe(Object value) {
        if (value == null) return "null";
        String s = value instanceof CharSequence ? '"' + value.toString() + '"' : format(value);
        if (s.length() > MAX_DESCRIBED) s = s.substring(0, MAX_DESCRIBED) + "...";
        return value.getClass().getName() + " " + s;
    }

    public static void append(StringBuilder b, Object value) {
        if (value instanceof CharSequence || value instanceof Character) {
            b.append('\'').append(value.toString().replace("'", "''")).append('\'');
        } else if (value instanceof ByteBuffer buf) {
            b.append("0x").append(ByteBufUtil.hexDump(toArray(buf)));
        } else if (value instanceof byte[] bytes) {
            b.append("0x").append(ByteBufUtil.hexDump(bytes));
        } else if (value instanceof java.net.InetAddress address) {
            b.append(address.getHostAddress()); // as CQL writes an inet, without toString's "/"
        } else if (value instanceof Map<?, ?> map) {
            b.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : map.entrySet()) {
                b.append(sep);
                append(b, e.getKey());
                b.append(": ");
                append(b, e.getValue());
                sep = ", ";
            }
            b.append('}');
        } else if (value instanceof Collection<?> c) {
            boolean set = c instanceof Set;
            appendAll(b, c.iterator(), set ? '{' : '[', set ? '}' : ']');
        } else if (value instanceof Object[] array) {
            appendAll(b, java.util.Arrays.asList(array).iterator(), '[', ']');
        } else {
            b.append(value);
        }
    }

    /** Elements separated by ", " between open and close. */
    public static void appendAll(StringBuilder b, Iterator<?> elements, char open, char close) {
        b.append(open);
        String sep = "";
        while (elements.hasNext()) {
            b.append(sep);
            append(b, elements.next());
            sep = ", ";
        }
        b.append(close);
    }

    private static byte[] toArray(ByteBuffer buf) {
        byte[] bytes = new byte[buf.remaining()];
        buf.duplicate().get(bytes);
        return bytes;
    }
}
