package io.jsylla.internal.codec;

import static io.jsylla.internal.codec.CodecTesting.decodeHex;
import static io.jsylla.internal.codec.CodecTesting.encodeHex;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.CqlDuration;
import io.jsylla.CqlVector;
import io.jsylla.DataType;
import io.jsylla.internal.codec.CqlGenerators.Typed;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Encode/decode identity of every CQL type, over generated values and nested types: decoding
 * what was encoded gives an equal value, and encoding that again gives the same bytes.
 */
class CodecPropertiesTest {

    /** Checks both identities and returns the decoded value. */
    private static Object assertRoundTrip(DataType type, Object value) {
        String hex = encodeHex(type, value);
        Object decoded = decodeHex(type, hex);
        assertThat(decoded).as("%s as %s", Literals.describe(value), type).isEqualTo(value);
        assertThat(encodeHex(type, decoded)).as("bytes of %s re-encoded", type).isEqualTo(hex);
        return decoded;
    }

    @Test
    void everyPrimitiveTypeRoundTrips() {
        Gen<Typed> primitives = r -> {
            DataType t = CqlGenerators.primitiveTypes().next(r);
            return new Typed(t, CqlGenerators.values(t).next(r));
        };
        Gen.forAll(1, 3000, primitives, t -> assertRoundTrip(t.type(), t.value()));
    }

    @Test
    void nestedCompositesRoundTrip() {
        Gen.forAll(2, 1500, CqlGenerators.typedValues(3), t -> assertRoundTrip(t.type(), t.value()));
    }

    @Test
    void vectorsOfOneToAThousandFloats() {
        Gen<Float> floats = Gen.oneOf(Gen.ints().map(Float::intBitsToFloat), Gen.constants(0f, -0f, Float.NaN, 1f));
        Gen<List<Float>> vectors = Gen.oneOf(floats.list(1, 1), floats.list(1000, 1000), floats.list(1, 64));
        Gen.forAll(3, 200, vectors, elements -> {
            DataType type = DataType.vector(DataType.FLOAT, elements.size());
            CqlVector<?> decoded = (CqlVector<?>) assertRoundTrip(type, CqlVector.of(elements));
            assertThat(decoded.size()).isEqualTo(elements.size());
            float[] array = new float[elements.size()];
            for (int i = 0; i < array.length; i++) array[i] = elements.get(i);
            assertThat(encodeHex(type, array)).isEqualTo(encodeHex(type, elements));
        });
    }

    @Test
    void vectorsOfVariableLengthElements() {
        Gen.forAll(4, 300, CqlGenerators.text().list(1, 1000),
                elements -> assertRoundTrip(DataType.vector(DataType.TEXT, elements.size()), CqlVector.of(elements)));
    }

    @Test
    void integerLimits() {
        for (Object v : List.<Object>of(Byte.MIN_VALUE, Byte.MAX_VALUE)) assertRoundTrip(DataType.TINYINT, v);
        for (Object v : List.<Object>of(Short.MIN_VALUE, Short.MAX_VALUE)) assertRoundTrip(DataType.SMALLINT, v);
        for (Object v : List.<Object>of(Integer.MIN_VALUE, Integer.MAX_VALUE)) assertRoundTrip(DataType.INT, v);
        for (Object v : List.<Object>of(Long.MIN_VALUE, Long.MAX_VALUE)) {
            assertRoundTrip(DataType.BIGINT, v);
            assertRoundTrip(DataType.COUNTER, v);
        }
    }

    @Test
    void nonFiniteAndSignedZeroFloats() {
        for (float f : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, Float.MIN_VALUE}) {
            assertRoundTrip(DataType.FLOAT, f);
        }
        for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE}) {
            assertRoundTrip(DataType.DOUBLE, d);
        }
        assertThat(encodeHex(DataType.DOUBLE, -0.0)).isEqualTo("8000000000000000");
    }

    @Test
    void emptyTextBlobsAndCollections() {
        assertRoundTrip(DataType.TEXT, "");
        assertRoundTrip(DataType.ASCII, "");
        assertRoundTrip(DataType.BLOB, java.nio.ByteBuffer.allocate(0));
        assertRoundTrip(DataType.list(DataType.INT), List.of());
        assertRoundTrip(DataType.set(DataType.TEXT, true), Set.of());
        assertRoundTrip(DataType.map(DataType.TEXT, DataType.list(DataType.INT, true)), Map.of());
        assertRoundTrip(DataType.list(DataType.TEXT), List.of("", ""));
    }

    @Test
    void hugeVarintsAndDecimals() {
        BigInteger huge = BigInteger.TWO.pow(10_000).subtract(BigInteger.ONE);
        assertRoundTrip(DataType.VARINT, huge);
        assertRoundTrip(DataType.VARINT, huge.negate());
        assertRoundTrip(DataType.DECIMAL, new BigDecimal(huge, Integer.MAX_VALUE));
        assertRoundTrip(DataType.DECIMAL, new BigDecimal(huge.negate(), Integer.MIN_VALUE));
        assertRoundTrip(DataType.DECIMAL, new BigDecimal("0.00"));
    }

    @Test
    void timestampsAndDatesFarFromTheEpoch() {
        for (String s : new String[] {"1969-12-31T23:59:59.999Z", "0001-01-01T00:00:00Z", "-1000000-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z", "+275760-09-13T00:00:00Z"}) {
            assertRoundTrip(DataType.TIMESTAMP, Instant.parse(s));
        }
        assertRoundTrip(DataType.TIMESTAMP, Instant.ofEpochMilli(Long.MIN_VALUE));
        assertRoundTrip(DataType.TIMESTAMP, Instant.ofEpochMilli(Long.MAX_VALUE));
        assertRoundTrip(DataType.DATE, LocalDate.ofEpochDay(Integer.MIN_VALUE));
        assertRoundTrip(DataType.DATE, LocalDate.ofEpochDay(Integer.MAX_VALUE));
        assertRoundTrip(DataType.DATE, LocalDate.of(-4712, 1, 1));
        assertThat(encodeHex(DataType.DATE, LocalDate.EPOCH)).isEqualTo("80000000");
    }

    @Test
    void ipv6AndDurationsWithNegativeParts() throws Exception {
        for (String a : new String[] {"::", "::1", "fe80::1:2:3:4", "2001:db8::ff00:42:8329", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"}) {
            assertRoundTrip(DataType.INET, InetAddress.getByName(a));
        }
        assertRoundTrip(DataType.DURATION, CqlDuration.of(-1, -2, -3));
        assertRoundTrip(DataType.DURATION, CqlDuration.of(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE));
        assertRoundTrip(DataType.DURATION, CqlDuration.parse("-1y2mo3d4h5m6s7ms8us9ns"));
    }

    @Test
    void vectorsOfOtherElementTypes() {
        List<Object> longs = new ArrayList<>();
        for (long i = 0; i < 1000; i++) longs.add(i * 31 - 500);
        assertRoundTrip(DataType.vector(DataType.BIGINT, 1000), CqlVector.of(longs));
        assertRoundTrip(DataType.vector(DataType.DOUBLE, 1), CqlVector.of(List.of(Double.NaN)));
        assertRoundTrip(DataType.vector(DataType.list(DataType.INT, true), 2), CqlVector.of(List.of(List.of(), List.of(1, 2))));
        assertRoundTrip(DataType.vector(DataType.SMALLINT, 2), CqlVector.of(List.of((short) -1, Short.MAX_VALUE)));
    }
}
