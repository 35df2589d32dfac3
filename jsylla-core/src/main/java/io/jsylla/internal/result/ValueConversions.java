package io.jsylla.internal.result;

import io.jsylla.ColumnSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Date;

/**
 * What a column's natural value may be read as: itself, or a wider type that holds it without
 * loss. Anything else is an error naming the column, its type and the type asked for.
 */
final class ValueConversions {
    private ValueConversions() {}

    static <T> T convert(Object value, ColumnSpec column, Class<T> target) {
        if (value == null) return null;
        Class<?> boxed = box(target);
        if (boxed.isInstance(value)) return cast(target, value);
        Object v = widen(value, boxed);
        if (v != null) return cast(target, v);
        throw new IllegalArgumentException("Column '" + column.name() + "' is " + column.type() + " ("
                + value.getClass().getName() + "); it cannot be read as " + target.getName());
    }

    private static Object widen(Object v, Class<?> to) {
        if (to == Long.class && (v instanceof Integer || v instanceof Short || v instanceof Byte)) return ((Number) v).longValue();
        if (to == Integer.class && (v instanceof Short || v instanceof Byte)) return ((Number) v).intValue();
        if (to == Short.class && v instanceof Byte b) return (short) b;
        if (to == Double.class && v instanceof Float f) return (double) f;
        if (to == BigInteger.class && (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte)) {
            return BigInteger.valueOf(((Number) v).longValue());
        }
        if (to == BigDecimal.class) {
            if (v instanceof BigInteger b) return new BigDecimal(b);
            if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                return BigDecimal.valueOf(((Number) v).longValue());
            }
        }
        if (to == Date.class && v instanceof Instant i) return Date.from(i);
        if (to == byte[].class && v instanceof ByteBuffer b) {
            byte[] out = new byte[b.remaining()];
            b.duplicate().get(out);
            return out;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Class<T> target, Object v) {
        return (T) v;
    }

    static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) return c;
        if (c == int.class) return Integer.class;
        if (c == long.class) return Long.class;
        if (c == double.class) return Double.class;
        if (c == float.class) return Float.class;
        if (c == boolean.class) return Boolean.class;
        if (c == short.class) return Short.class;
        if (c == byte.class) return Byte.class;
        if (c == char.class) return Character.class;
        return c;
    }
}
