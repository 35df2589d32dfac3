package io.jsylla.internal.codec;

import io.jsylla.CqlDuration;
import io.jsylla.CqlVector;
import io.jsylla.DataType;
import io.jsylla.TupleValue;
import io.jsylla.UdtValue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import static io.jsylla.internal.codec.CodecTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

/** Every type round-trips its edge values and a few hundred seeded random values unchanged. */
class RoundTripTest {

    private static final int RANDOM_VALUES = 300;

    private static void roundTrips(DataType type, Object... values) {
        for (Object v : values) {
            assertThat(roundTrip(type, v)).as("%s as %s", Literals.describe(v), type).isEqualTo(v);
        }
    }

    private static void randomRoundTrips(DataType type, long seed, Function<Random, Object> generator) {
        Random random = new Random(seed);
        for (int i = 0; i < RANDOM_VALUES; i++) roundTrips(type, generator.apply(random));
    }

    @Test
    void integers() {
        roundTrips(DataType.TINYINT, Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0, (byte) -1);
        roundTrips(DataType.SMALLINT, Short.MIN_VALUE, Short.MAX_VALUE, (short) 0);
        roundTrips(DataType.INT, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1);
        roundTrips(DataType.BIGINT, Long.MIN_VALUE, Long.MAX_VALUE, 0L);
        roundTrips(DataType.COUNTER, Long.MIN_VALUE, Long.MAX_VALUE, 0L);
        randomRoundTrips(DataType.TINYINT, 1, r -> (byte) r.nextInt());
        randomRoundTrips(DataType.SMALLINT, 2, r -> (short) r.nextInt());
        randomRoundTrips(DataType.INT, 3, Random::nextInt);
        randomRoundTrips(DataType.BIGINT, 4, Random::nextLong);
    }

    @Test
    void varintAndDecimal() {
        BigInteger huge = BigInteger.TEN.pow(400).add(BigInteger.ONE);
        roundTrips(DataType.VARINT, BigInteger.ZERO, huge, huge.negate(), BigInteger.valueOf(Long.MIN_VALUE),
                BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE));
        roundTrips(DataType.DECIMAL, BigDecimal.ZERO, new BigDecimal(huge, 200), new BigDecimal(huge.negate(), -5),
                new BigDecimal(BigInteger.ONE, Integer.MAX_VALUE), new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE),
                new BigDecimal("0.000"), new BigDecimal("-1E-30"));
        randomRoundTrips(DataType.VARINT, 5, r -> new BigInteger(r.nextInt(300), r).multiply(BigInteger.valueOf(r.nextBoolean() ? 1 : -1)));
        randomRoundTrips(DataType.DECIMAL, 6, r -> new BigDecimal(new BigInteger(r.nextInt(200), r), r.nextInt(60) - 30));
    }

    @Test
    void floatingPoint() {
        roundTrips(DataType.FLOAT, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
                Float.MAX_VALUE, -Float.MAX_VALUE, 0.0f, -0.0f);
        roundTrips(DataType.DOUBLE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
                Double.MAX_VALUE, -Double.MAX_VALUE, 0.0, -0.0);
        randomRoundTrips(DataType.FLOAT, 7, r -> Float.intBitsToFloat(r.nextInt()));
        randomRoundTrips(DataType.DOUBLE, 8, r -> Double.longBitsToDouble(r.nextLong()));
    }

    @Test
    void textBlobBooleanUuidInet() throws Exception {
        roundTrips(DataType.TEXT, "", "a", "日本語", "\u0000", "🚀".repeat(1000));
        roundTrips(DataType.ASCII, "", "\u0000\u007f", "plain ascii");
        roundTrips(DataType.BOOLEAN, true, false);
        roundTrips(DataType.BLOB, ByteBuffer.allocate(0), ByteBuffer.wrap(new byte[70_000]));
        roundTrips(DataType.UUID, new UUID(0, 0), new UUID(-1, -1));
        roundTrips(DataType.INET, InetAddress.getByName("0.0.0.0"), InetAddress.getByName("255.255.255.255"),
                InetAddress.getByName("::"), InetAddress.getByName("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
                InetAddress.getByName("fe80::1"));
        randomRoundTrips(DataType.TEXT, 9, r -> r.ints(r.nextInt(20), 0, 0x10FFFF)
                .filter(cp -> cp < 0xD800 || cp > 0xDFFF)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
        randomRoundTrips(DataType.ASCII, 10, r -> r.ints(r.nextInt(20), 0, 128)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
        randomRoundTrips(DataType.BLOB, 11, r -> {
            byte[] b = new byte[r.nextInt(50)];
            r.nextBytes(b);
            return ByteBuffer.wrap(b);
        });
        randomRoundTrips(DataType.UUID, 12, r -> new UUID(r.nextLong(), r.nextLong()));
        randomRoundTrips(DataType.TIMEUUID, 13, r -> new UUID(r.nextLong() & ~0xF000L | 0x1000L, r.nextLong()));
        randomRoundTrips(DataType.INET, 14, r -> {
            byte[] b = new byte[r.nextBoolean() ? 4 : 16];
            r.nextBytes(b);
            try {
                return b.length == 4 ? InetAddress.getByAddress(b) : java.net.Inet6Address.getByAddress(null, b, -1);
            } catch (java.net.UnknownHostException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void temporal() {
        roundTrips(DataType.TIMESTAMP, Instant.ofEpochMilli(Long.MIN_VALUE), Instant.ofEpochMilli(Long.MAX_VALUE),
                Instant.parse("1601-01-01T00:00:00Z"), Instant.parse("+12000-06-01T12:00:00.001Z"), Instant.EPOCH);
        roundTrips(DataType.DATE, LocalDate.of(-5877641, 6, 23), LocalDate.of(5881580, 7, 11), LocalDate.of(1, 1, 1),
                LocalDate.of(9999, 12, 31), LocalDate.of(1969, 12, 31));
        roundTrips(DataType.TIME, LocalTime.MIDNIGHT, LocalTime.MAX, LocalTime.NOON);
        roundTrips(DataType.DURATION, CqlDuration.of(0, 0, 0), CqlDuration.of(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE),
                CqlDuration.of(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE), CqlDuration.of(-14, -3, -1));
        randomRoundTrips(DataType.TIMESTAMP, 15, r -> Instant.ofEpochMilli(r.nextLong()));
        randomRoundTrips(DataType.DATE, 16, r -> LocalDate.ofEpochDay(r.nextInt()));
        randomRoundTrips(DataType.TIME, 17, r -> LocalTime.ofNanoOfDay(Math.floorMod(r.nextLong(), 86_400_000_000_000L)));
        randomRoundTrips(DataType.DURATION, 18, r -> {
            int sign = r.nextBoolean() ? 1 : -1;
            return CqlDuration.of(sign * r.nextInt(Integer.MAX_VALUE), sign * r.nextInt(1000),
                    sign * (r.nextLong() >>> (1 + r.nextInt(63))));
        });
    }

    @Test
    void composites() {
        DataType list = DataType.list(DataType.TEXT);
        DataType map = DataType.map(DataType.INT, DataType.set(DataType.UUID, true));
        DataType tuple = DataType.tuple(DataType.INT, DataType.TEXT, DataType.list(DataType.DOUBLE, true));
        DataType udt = DataType.udt("ks", "pt", true, List.of("x", "y"), List.of(DataType.FLOAT, DataType.BLOB));
        roundTrips(list, List.of(), List.of(""));
        roundTrips(map, Map.of());
        roundTrips(tuple, TupleValue.of(tuple, null, null, null));
        roundTrips(udt, UdtValue.builder(udt).build());
        randomRoundTrips(list, 19, r -> {
            List<String> l = new ArrayList<>();
            for (int i = r.nextInt(10); i > 0; i--) l.add(Integer.toString(r.nextInt(), 36));
            return l;
        });
        randomRoundTrips(map, 20, r -> {
            Map<Integer, Object> m = new LinkedHashMap<>();
            for (int i = r.nextInt(5); i > 0; i--) {
                m.put(r.nextInt(), new LinkedHashSet<>(List.of(new UUID(r.nextLong(), r.nextLong()))));
            }
            return m;
        });
        randomRoundTrips(tuple, 21, r -> TupleValue.of(tuple, r.nextBoolean() ? null : r.nextInt(),
                Long.toString(r.nextLong()), List.of(r.nextDouble(), r.nextGaussian())));
        randomRoundTrips(udt, 22, r -> UdtValue.builder(udt).set("x", r.nextFloat())
                .set("y", r.nextBoolean() ? null : ByteBuffer.wrap(new byte[] {(byte) r.nextInt()})).build());
        randomRoundTrips(DataType.vector(DataType.FLOAT, 8), 23, r -> {
            List<Float> l = new ArrayList<>();
            for (int i = 0; i < 8; i++) l.add(r.nextFloat());
            return CqlVector.of(l);
        });
        randomRoundTrips(DataType.vector(DataType.VARINT, 3), 24, r -> CqlVector.of(List.of(
                BigInteger.valueOf(r.nextLong()), new BigInteger(100, r), BigInteger.valueOf(r.nextInt(3)))));
    }
}
