package io.jsylla.internal.codec;

import io.jsylla.CqlDuration;
import io.jsylla.CqlVector;
import io.jsylla.DataType;
import io.jsylla.DataType.Kind;
import io.jsylla.TupleValue;
import io.jsylla.UdtValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Generators of CQL types and of values of a given type, natural Java types only (what a decode
 * gives back), so that encode then decode must return an equal value. Integer generators favour
 * the limits, zero and ±1, which reach every type built on them.
 */
public final class CqlGenerators {

    /** A type and a value of it. */
    public record Typed(DataType type, Object value) {
        @Override
        public String toString() {
            return type + " = " + Literals.describe(value);
        }
    }

    private static final BigInteger HUGE = BigInteger.TEN.pow(400);

    private CqlGenerators() {}

    public static Gen<DataType> primitiveTypes() {
        List<DataType> all = new ArrayList<>();
        for (Kind k : Kind.values()) if (k.isPrimitive()) all.add(DataType.primitive(k));
        return r -> all.get(r.nextInt(all.size()));
    }

    /** Any type, composites nested up to depth levels. */
    public static Gen<DataType> types(int depth) {
        if (depth <= 0) return Gen.oneOf(primitiveTypes(), r -> DataType.custom("org.example.Raw"));
        Gen<DataType> inner = types(depth - 1);
        return Gen.frequency(new int[] {4, 1, 1, 1, 1, 1, 1}, List.of(
                primitiveTypes(),
                r -> DataType.list(inner.next(r), r.nextBoolean()),
                r -> DataType.set(inner.next(r), r.nextBoolean()),
                r -> DataType.map(inner.next(r), inner.next(r), r.nextBoolean()),
                inner.list(1, 4).map(DataType::tuple),
                r -> udt(inner.list(1, 4).next(r), r.nextBoolean()),
                r -> DataType.vector(inner.next(r), 1 + r.nextInt(6))));
    }

    private static DataType udt(List<DataType> fieldTypes, boolean frozen) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < fieldTypes.size(); i++) names.add("f" + i);
        return DataType.udt("ks", "u" + fieldTypes.size(), frozen, names, fieldTypes);
    }

    /** A type with a non-null value of it. */
    public static Gen<Typed> typedValues(int depth) {
        return r -> {
            DataType t = types(depth).next(r);
            return new Typed(t, values(t).next(r));
        };
    }

    /** Non-null values of type. */
    public static Gen<Object> values(DataType type) {
        List<DataType> args = type.typeArguments();
        return switch (type.kind()) {
            case ASCII -> r -> ascii(r.nextInt(31), r);
            case TEXT -> text().map(s -> s);
            case BIGINT, COUNTER -> Gen.longs().map(v -> v);
            case INT -> Gen.ints().map(v -> v);
            case SMALLINT -> Gen.ints(Short.MIN_VALUE, Short.MAX_VALUE).map(v -> (Object) (short) (int) v);
            case TINYINT -> Gen.ints(Byte.MIN_VALUE, Byte.MAX_VALUE).map(v -> (Object) (byte) (int) v);
            case BLOB, CUSTOM -> r -> {
                byte[] b = new byte[r.nextInt(41)];
                r.nextBytes(b);
                return ByteBuffer.wrap(b);
            };
            case BOOLEAN -> r -> r.nextBoolean();
            case DATE -> Gen.ints().map(d -> (Object) LocalDate.ofEpochDay(d));
            case DECIMAL -> r -> new BigDecimal(varints().next(r), Gen.ints().next(r));
            case DOUBLE -> Gen.oneOf(Gen.longs().map(Double::longBitsToDouble),
                    Gen.constants(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE,
                            Double.MAX_VALUE)).map(v -> v);
            case FLOAT -> Gen.oneOf(Gen.ints().map(Float::intBitsToFloat),
                    Gen.constants(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, Float.MIN_VALUE,
                            Float.MAX_VALUE)).map(v -> v);
            case DURATION -> durations().map(v -> v);
            case INET -> r -> {
                byte[] b = new byte[r.nextBoolean() ? 4 : 16];
                r.nextBytes(b);
                return inet(b);
            };
            case TIME -> Gen.longs(0, 86_399_999_999_999L).map(n -> (Object) LocalTime.ofNanoOfDay(n));
            case TIMESTAMP -> Gen.longs().map(ms -> (Object) Instant.ofEpochMilli(ms));
            case UUID -> r -> new UUID(r.nextLong(), r.nextLong());
            case TIMEUUID -> r -> new UUID(r.nextLong() & ~0xF000L | 0x1000L, r.nextLong());
            case VARINT -> varints().map(v -> v);
            case LIST -> values(args.get(0)).list(0, 4).map(l -> l);
            case SET -> values(args.get(0)).list(0, 4).map(l -> new LinkedHashSet<>(l));
            case MAP -> r -> {
                Map<Object, Object> m = new LinkedHashMap<>();
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) m.put(values(args.get(0)).next(r), values(args.get(1)).next(r));
                return m;
            };
            case TUPLE -> components(args).map(vs -> TupleValue.of(type, vs.toArray()));
            case UDT -> components(args).map(vs -> {
                UdtValue.Builder b = UdtValue.builder(type);
                for (int i = 0; i < vs.size(); i++) b.set(type.fieldNames().get(i), vs.get(i));
                return b.build();
            });
            case VECTOR -> r -> {
                List<Object> elements = new ArrayList<>();
                for (int i = 0; i < type.dimension(); i++) elements.add(values(args.get(0)).next(r));
                return CqlVector.of(elements);
            };
        };
    }

    /** One value per type, each null one time in five. */
    private static Gen<List<Object>> components(List<DataType> types) {
        return r -> {
            List<Object> out = new ArrayList<>();
            for (DataType t : types) out.add(values(t).orNull(0.2).next(r));
            return out;
        };
    }

    private static String ascii(int length, java.util.Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) b.append((char) r.nextInt(0x80));
        return b.toString();
    }

    /** Any Unicode text (no lone surrogates, which UTF-8 cannot carry), empty included. */
    public static Gen<String> text() {
        Gen<Integer> codePoints = Gen.frequency(new int[] {3, 1, 1},
                List.of(Gen.ints(0x20, 0x7e), Gen.ints(0, 0xd7ff), Gen.ints(0xe000, 0x10ffff)));
        return codePoints.list(0, 25).map(cps -> {
            StringBuilder b = new StringBuilder();
            cps.forEach(b::appendCodePoint);
            return b.toString();
        });
    }

    /** From 0 to 400 decimal digits, either sign. */
    public static Gen<BigInteger> varints() {
        return Gen.oneOf(Gen.longs().map(BigInteger::valueOf), r -> {
            BigInteger v = new BigInteger(1 + r.nextInt(HUGE.bitLength()), r);
            return r.nextBoolean() ? v : v.negate();
        });
    }

    /** Months, days and nanoseconds of one sign, limits included. */
    public static Gen<CqlDuration> durations() {
        Gen<CqlDuration> positive = r -> CqlDuration.of(Gen.ints(0, Integer.MAX_VALUE).next(r),
                Gen.ints(0, Integer.MAX_VALUE).next(r), Gen.longs(0, Long.MAX_VALUE).next(r));
        Gen<CqlDuration> negative = r -> CqlDuration.of(Gen.ints(Integer.MIN_VALUE, 0).next(r),
                Gen.ints(Integer.MIN_VALUE, 0).next(r), Gen.longs(Long.MIN_VALUE, 0).next(r));
        return Gen.oneOf(positive, negative);
    }

    private static InetAddress inet(byte[] bytes) {
        try {
            // Inet6Address even for IPv4-mapped bytes, as the codec decodes them.
            return bytes.length == 4 ? InetAddress.getByAddress(bytes) : Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
