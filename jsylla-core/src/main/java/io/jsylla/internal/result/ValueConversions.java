package io.jsylla.internal.result;

import io.jsylla.ColumnSpec;
import io.jsylla.CqlDuration;
import io.jsylla.CqlVector;
import io.jsylla.DataType;
import io.jsylla.DataType.Kind;
import io.jsylla.TupleValue;
import io.jsylla.UdtValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a column may be read as: its natural Java type, a supertype, or a wider type that holds
 * every value without loss. Whether a Java type fits is decided from the column's CQL type, not
 * from the value, so a wrong request fails even on a null cell, and fails the same on every row.
 * Converters are built once per CQL type and Java type and then reused.
 */
final class ValueConversions {
    /** Turns a non-null natural value into the requested Java type. */
    @FunctionalInterface
    interface Converter {
        Object convert(Object natural);
    }

    static final Converter IDENTITY = v -> v;

    private record Key(DataType type, Type target) {}

    private static final Map<Key, Converter> CACHE = new ConcurrentHashMap<>();

    private ValueConversions() {}

    /** The cell's natural value read as target; IllegalArgumentException naming the column if target does not fit. */
    static <T> T convert(Object value, ColumnSpec column, Class<T> target) {
        // The natural value already is a target: nothing to look up (the common case).
        if (value != null && box(target).isInstance(value)) return cast(value);
        Converter c = converter(column, target);
        return value == null ? null : cast(c.convert(value));
    }

    /** A cached converter from the column's type to target (a Class or a ParameterizedType). */
    static Converter converter(ColumnSpec column, Type target) {
        Key key = new Key(column.type(), target);
        Converter c = CACHE.get(key);
        if (c != null) return c;
        try {
            c = build(column.type(), target);
        } catch (Mismatch m) {
            throw new IllegalArgumentException("Column '" + column.name() + "' is " + column.type()
                    + "; it cannot be read as " + target.getTypeName() + m.detail(column.type(), target), m);
        }
        CACHE.putIfAbsent(key, c);
        return c;
    }

    /** The Java class of a CQL type's values as the driver decodes them. */
    static Class<?> naturalClass(DataType type) {
        return switch (type.kind()) {
            case ASCII, TEXT -> String.class;
            case BIGINT, COUNTER -> Long.class;
            case BLOB, CUSTOM -> ByteBuffer.class;
            case BOOLEAN -> Boolean.class;
            case DATE -> LocalDate.class;
            case DECIMAL -> BigDecimal.class;
            case DOUBLE -> Double.class;
            case DURATION -> CqlDuration.class;
            case FLOAT -> Float.class;
            case INET -> InetAddress.class;
            case INT -> Integer.class;
            case SMALLINT -> Short.class;
            case TINYINT -> Byte.class;
            case TIME -> LocalTime.class;
            case TIMESTAMP -> Instant.class;
            case UUID, TIMEUUID -> UUID.class;
            case VARINT -> BigInteger.class;
            case LIST -> List.class;
            case SET -> Set.class;
            case MAP -> Map.class;
            case TUPLE -> TupleValue.class;
            case UDT -> UdtValue.class;
            case VECTOR -> CqlVector.class;
        };
    }

    /** Builds the converter from type to target, or throws Mismatch for the innermost part that does not fit. */
    static Converter build(DataType type, Type target) {
        Class<?> raw = box(rawClass(target));
        if (raw == Object.class) return IDENTITY;
        Kind kind = type.kind();
        if (kind == Kind.UDT && raw.isRecord()) return RecordMapper.udtConverter(raw, type);
        if ((kind == Kind.LIST && raw.isAssignableFrom(List.class)) || (kind == Kind.SET && raw.isAssignableFrom(Set.class))) {
            Converter element = build(type.typeArguments().get(0), typeArgument(target, 0));
            if (element == IDENTITY) return IDENTITY;
            return kind == Kind.LIST ? v -> mapList((List<?>) v, element) : v -> mapSet((Set<?>) v, element);
        }
        if (kind == Kind.MAP && raw.isAssignableFrom(Map.class)) {
            Converter k = build(type.typeArguments().get(0), typeArgument(target, 0));
            Converter v = build(type.typeArguments().get(1), typeArgument(target, 1));
            return k == IDENTITY && v == IDENTITY ? IDENTITY : m -> mapMap((Map<?, ?>) m, k, v);
        }
        if (kind == Kind.VECTOR) {
            Converter vector = vector(type, raw, target);
            if (vector != null) return vector;
        }
        if (raw.isAssignableFrom(naturalClass(type))) return IDENTITY;
        Converter widening = widening(kind, raw);
        if (widening == null) throw new Mismatch(type, target);
        return widening;
    }

    private static Converter vector(DataType type, Class<?> raw, Type target) {
        DataType elementType = type.typeArguments().get(0);
        if (raw == float[].class && elementType.kind() == Kind.FLOAT) return v -> ((CqlVector<?>) v).toFloatArray();
        boolean asVector = raw == CqlVector.class || raw == Iterable.class;
        if (!asVector && !raw.isAssignableFrom(List.class)) return null;
        Converter element = build(elementType, typeArgument(target, 0));
        if (asVector) return element == IDENTITY ? IDENTITY : v -> CqlVector.of(mapList(((CqlVector<?>) v).toList(), element));
        return v -> mapList(((CqlVector<?>) v).toList(), element);
    }

    /** Conversions that never lose information: integers to wider integers, float to double... */
    private static Converter widening(Kind from, Class<?> to) {
        boolean integer = from == Kind.TINYINT || from == Kind.SMALLINT || from == Kind.INT || from == Kind.BIGINT
                || from == Kind.COUNTER;
        if (to == Long.class && (from == Kind.INT || from == Kind.SMALLINT || from == Kind.TINYINT)) {
            return v -> ((Number) v).longValue();
        }
        if (to == Integer.class && (from == Kind.SMALLINT || from == Kind.TINYINT)) return v -> ((Number) v).intValue();
        if (to == Short.class && from == Kind.TINYINT) return v -> (short) (byte) v;
        if (to == Double.class && from == Kind.FLOAT) return v -> (double) (float) v;
        if (to == BigInteger.class && integer) return v -> BigInteger.valueOf(((Number) v).longValue());
        if (to == BigDecimal.class && integer) return v -> BigDecimal.valueOf(((Number) v).longValue());
        if (to == BigDecimal.class && from == Kind.VARINT) return v -> new BigDecimal((BigInteger) v);
        if (to == Date.class && from == Kind.TIMESTAMP) return v -> Date.from((Instant) v);
        if (to == byte[].class && (from == Kind.BLOB || from == Kind.CUSTOM)) {
            return v -> {
                ByteBuffer b = (ByteBuffer) v;
                byte[] out = new byte[b.remaining()];
                b.duplicate().get(out);
                return out;
            };
        }
        return null;
    }

    private static List<Object> mapList(List<?> in, Converter element) {
        List<Object> out = new ArrayList<>(in.size());
        for (Object e : in) out.add(e == null ? null : element.convert(e));
        return Collections.unmodifiableList(out);
    }

    private static Set<Object> mapSet(Set<?> in, Converter element) {
        Set<Object> out = new LinkedHashSet<>();
        for (Object e : in) out.add(e == null ? null : element.convert(e));
        return Collections.unmodifiableSet(out);
    }

    private static Map<Object, Object> mapMap(Map<?, ?> in, Converter k, Converter v) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : in.entrySet()) {
            Object value = e.getValue();
            out.put(k.convert(e.getKey()), value == null ? null : v.convert(value));
        }
        return Collections.unmodifiableMap(out);
    }

    static Class<?> rawClass(Type t) {
        if (t instanceof Class<?> c) return c;
        if (t instanceof ParameterizedType p) return rawClass(p.getRawType());
        if (t instanceof WildcardType w) return rawClass(w.getUpperBounds()[0]);
        if (t instanceof TypeVariable<?> v) return rawClass(v.getBounds()[0]);
        return Object.class; // generic arrays: nothing to check them against
    }

    /** The i-th type argument of a parameterized target (List<E>, Map<K, V>...); Object for a raw one. */
    private static Type typeArgument(Type target, int i) {
        if (target instanceof WildcardType w) return typeArgument(w.getUpperBounds()[0], i);
        if (target instanceof ParameterizedType p && p.getActualTypeArguments().length > i) {
            return p.getActualTypeArguments()[i];
        }
        return Object.class;
    }

    /** A parameterized type made at run time, e.g. List<String> for getList(name, String.class). */
    record Parameterized(Class<?> rawType, Type... arguments) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return arguments.clone();
        }

        @Override
        public Type getRawType() {
            return rawType;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }

        @Override
        public String getTypeName() {
            StringBuilder b = new StringBuilder(rawType.getName()).append('<');
            for (int i = 0; i < arguments.length; i++) b.append(i == 0 ? "" : ", ").append(arguments[i].getTypeName());
            return b.append('>').toString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Parameterized p && rawType == p.rawType && java.util.Arrays.equals(arguments, p.arguments);
        }

        @Override
        public int hashCode() {
            return 31 * rawType.hashCode() + java.util.Arrays.hashCode(arguments);
        }

        @Override
        public String toString() {
            return getTypeName();
        }
    }

    /** The innermost CQL type and Java type that did not fit; caught where the column is known. */
    static final class Mismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient DataType type;
        final transient Type target;

        Mismatch(DataType type, Type target) {
            this(type, target, type + " cannot be read as " + target.getTypeName());
        }

        Mismatch(DataType type, Type target, String message) {
            super(message, null, false, false);
            this.type = type;
            this.target = target;
        }

        /** What to add to a message about the whole column: the inner part at fault, or the natural type. */
        String detail(DataType outerType, Type outerTarget) {
            if (!type.equals(outerType) || !target.equals(outerTarget)) return " (" + getMessage() + ")";
            return " (it reads as " + naturalClass(type).getName() + ")";
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object v) {
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
