package io.jsylla.internal.codec;

import io.jsylla.DataType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;

import static io.jsylla.internal.codec.CodecTesting.assertRejected;
import static io.jsylla.internal.codec.CodecTesting.encodeHex;
import static io.jsylla.internal.codec.CodecTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

/** What Java values bind to numeric types, and the messages for those that do not. */
class NumericConversionTest {

    private static final DataType[] INTEGERS = {DataType.TINYINT, DataType.SMALLINT, DataType.INT, DataType.BIGINT,
            DataType.COUNTER, DataType.VARINT};

    @Test
    void everyIntegralJavaTypeBindsToEveryIntegerType() {
        for (DataType t : INTEGERS) {
            Object expected = roundTrip(t, 5);
            for (Object v : new Object[] {(byte) 5, (short) 5, 5, 5L, BigInteger.valueOf(5)}) {
                assertThat(roundTrip(t, v)).as("%s as %s", v.getClass(), t).isEqualTo(expected);
            }
        }
        assertThat(roundTrip(DataType.TINYINT, 5L)).isEqualTo((byte) 5);
        assertThat(roundTrip(DataType.SMALLINT, 5)).isEqualTo((short) 5);
        assertThat(roundTrip(DataType.INT, (byte) 5)).isEqualTo(5);
        assertThat(roundTrip(DataType.BIGINT, 5)).isEqualTo(5L);
        assertThat(roundTrip(DataType.VARINT, 5)).isEqualTo(BigInteger.valueOf(5));
    }

    @Test
    void integerRangesAreChecked() {
        assertRejected(DataType.TINYINT, 128, "128 out of range for tinyint");
        assertRejected(DataType.TINYINT, (short) -129, "-129 out of range for tinyint");
        assertRejected(DataType.SMALLINT, 70000, "70000 out of range for smallint");
        assertRejected(DataType.INT, 1L << 31, "2147483648 out of range for int");
        assertRejected(DataType.INT, BigInteger.valueOf(Long.MIN_VALUE), "out of range for int");
        assertRejected(DataType.BIGINT, BigInteger.ONE.shiftLeft(63), "9223372036854775808 out of range for bigint");
        assertRejected(DataType.COUNTER, BigInteger.ONE.shiftLeft(63).negate().subtract(BigInteger.ONE), "counter");
        assertThat(roundTrip(DataType.TINYINT, -128)).isEqualTo((byte) -128);
        assertThat(roundTrip(DataType.SMALLINT, Short.MAX_VALUE)).isEqualTo(Short.MAX_VALUE);
        assertThat(roundTrip(DataType.BIGINT, BigInteger.valueOf(Long.MIN_VALUE))).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void nonIntegralValuesDoNotBindToIntegerTypes() {
        for (DataType t : INTEGERS) {
            assertRejected(t, 1.0f, "cannot bind java.lang.Float to " + t);
            assertRejected(t, 1.0, "cannot bind java.lang.Double to " + t);
            assertRejected(t, BigDecimal.ONE, "cannot bind java.math.BigDecimal to " + t);
            assertRejected(t, "1", "cannot bind java.lang.String to " + t);
        }
    }

    @Test
    void floatTakesExactlyRepresentableValues() {
        assertThat(roundTrip(DataType.FLOAT, 1.5)).isEqualTo(1.5f);
        assertThat(roundTrip(DataType.FLOAT, Double.NaN)).isEqualTo(Float.NaN);
        assertThat(roundTrip(DataType.FLOAT, Double.POSITIVE_INFINITY)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(roundTrip(DataType.FLOAT, Double.NEGATIVE_INFINITY)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(roundTrip(DataType.FLOAT, 16_777_216)).isEqualTo(16_777_216f);
        assertThat(roundTrip(DataType.FLOAT, (short) -3)).isEqualTo(-3f);
        assertThat(roundTrip(DataType.FLOAT, (byte) 7)).isEqualTo(7f);
        assertRejected(DataType.FLOAT, 0.1, "0.1 out of range for float");
        assertRejected(DataType.FLOAT, 1e300, "out of range for float");
        assertRejected(DataType.FLOAT, 16_777_217, "16777217 out of range for float");
        assertRejected(DataType.FLOAT, Integer.MAX_VALUE, "2147483647 out of range for float");
        assertRejected(DataType.FLOAT, BigDecimal.ONE, "cannot bind java.math.BigDecimal to float");
        assertRejected(DataType.FLOAT, "1", "cannot bind java.lang.String to float");
    }

    @Test
    void doubleTakesFloatsAndExactIntegers() {
        assertThat(roundTrip(DataType.DOUBLE, 0.1f)).isEqualTo((double) 0.1f);
        assertThat(roundTrip(DataType.DOUBLE, Float.NaN)).isEqualTo(Double.NaN);
        assertThat(roundTrip(DataType.DOUBLE, Integer.MIN_VALUE)).isEqualTo((double) Integer.MIN_VALUE);
        assertThat(roundTrip(DataType.DOUBLE, 1L << 53)).isEqualTo(0x1p53);
        assertThat(roundTrip(DataType.DOUBLE, Long.MIN_VALUE)).isEqualTo(-0x1p63);
        assertRejected(DataType.DOUBLE, (1L << 53) + 1, "9007199254740993 out of range for double");
        assertRejected(DataType.DOUBLE, Long.MAX_VALUE, "9223372036854775807 out of range for double");
        assertRejected(DataType.DOUBLE, BigInteger.ONE, "cannot bind java.math.BigInteger to double");
        assertRejected(DataType.DOUBLE, "1.0", "cannot bind java.lang.String to double");
    }

    @Test
    void decimalTakesEveryNumber() {
        assertThat(roundTrip(DataType.DECIMAL, new BigDecimal("1.50"))).isEqualTo(new BigDecimal("1.50"));
        assertThat(roundTrip(DataType.DECIMAL, BigInteger.TEN.pow(40))).isEqualTo(new BigDecimal(BigInteger.TEN.pow(40)));
        assertThat(roundTrip(DataType.DECIMAL, 42)).isEqualTo(new BigDecimal(42));
        assertThat(roundTrip(DataType.DECIMAL, Long.MIN_VALUE)).isEqualTo(BigDecimal.valueOf(Long.MIN_VALUE));
        assertThat(roundTrip(DataType.DECIMAL, (byte) 1)).isEqualTo(BigDecimal.ONE);
        assertThat(roundTrip(DataType.DECIMAL, (short) 1)).isEqualTo(BigDecimal.ONE);
        assertThat(roundTrip(DataType.DECIMAL, 0.1)).isEqualTo(new BigDecimal("0.1"));
        assertThat(roundTrip(DataType.DECIMAL, 0.1f)).isEqualTo(new BigDecimal("0.1"));
        assertRejected(DataType.DECIMAL, Double.NaN, "NaN out of range for decimal");
        assertRejected(DataType.DECIMAL, Float.POSITIVE_INFINITY, "Infinity out of range for decimal");
        assertRejected(DataType.DECIMAL, "1.5", "cannot bind java.lang.String to decimal");
    }

    @Test
    void varintTakesEveryIntegerSize() {
        assertThat(encodeHex(DataType.VARINT, Long.MIN_VALUE)).isEqualTo("8000000000000000");
        assertThat(encodeHex(DataType.VARINT, BigInteger.TWO.pow(64))).isEqualTo("010000000000000000");
        assertRejected(DataType.VARINT, 1.0, "cannot bind java.lang.Double to varint");
    }
}
