package io.jsylla.internal.codec;

import io.jsylla.CqlDuration;
import io.jsylla.DataType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import static io.jsylla.internal.codec.CodecTesting.decodeHex;
import static io.jsylla.internal.codec.CodecTesting.encodeHex;
import static org.assertj.core.api.Assertions.assertThat;

/** Byte vectors from the protocol spec's "Data Type Serialization Formats", both directions. */
class PrimitiveVectorsTest {

    private static void vector(DataType type, Object value, String hex) {
        assertThat(encodeHex(type, value)).as("encode %s as %s", value, type).isEqualTo(hex.replace(" ", ""));
        assertThat(decodeHex(type, hex)).as("decode %s as %s", hex, type).isEqualTo(value);
    }

    @Test
    void text() {
        vector(DataType.ASCII, "abc", "616263");
        vector(DataType.TEXT, "é€", "c3a9 e282ac");
        vector(DataType.TEXT, "", "");
        vector(DataType.ASCII, "", "");
    }

    @Test
    void integers() {
        vector(DataType.TINYINT, (byte) 127, "7f");
        vector(DataType.TINYINT, (byte) -128, "80");
        vector(DataType.SMALLINT, (short) -2, "fffe");
        vector(DataType.INT, 1, "00000001");
        vector(DataType.INT, Integer.MIN_VALUE, "80000000");
        vector(DataType.BIGINT, -1L, "ffffffffffffffff");
        vector(DataType.COUNTER, 1L, "0000000000000001");
    }

    @Test
    void varintSpecTable() {
        vector(DataType.VARINT, BigInteger.ZERO, "00");
        vector(DataType.VARINT, BigInteger.ONE, "01");
        vector(DataType.VARINT, BigInteger.valueOf(127), "7f");
        vector(DataType.VARINT, BigInteger.valueOf(128), "0080");
        vector(DataType.VARINT, BigInteger.valueOf(129), "0081");
        vector(DataType.VARINT, BigInteger.valueOf(-1), "ff");
        vector(DataType.VARINT, BigInteger.valueOf(-128), "80");
        vector(DataType.VARINT, BigInteger.valueOf(-129), "ff7f");
    }

    @Test
    void decimal() {
        vector(DataType.DECIMAL, new BigDecimal("123.45"), "00000002 3039");
        vector(DataType.DECIMAL, new BigDecimal("-0.5"), "00000001 fb");
        vector(DataType.DECIMAL, new BigDecimal("1E+3"), "fffffffd 01");
        vector(DataType.DECIMAL, new BigDecimal("1.28"), "00000002 0080");
    }

    @Test
    void floatingPoint() {
        vector(DataType.FLOAT, 1.0f, "3f800000");
        vector(DataType.FLOAT, Float.NEGATIVE_INFINITY, "ff800000");
        vector(DataType.DOUBLE, 1.0, "3ff0000000000000");
        vector(DataType.DOUBLE, -2.5, "c004000000000000");
    }

    @Test
    void booleanBlobUuidInet() throws Exception {
        vector(DataType.BOOLEAN, true, "01");
        vector(DataType.BOOLEAN, false, "00");
        assertThat(decodeHex(DataType.BOOLEAN, "02")).isEqualTo(true); // any non-zero byte is true
        vector(DataType.BLOB, ByteBuffer.wrap(new byte[] {(byte) 0xca, (byte) 0xfe}), "cafe");
        vector(DataType.BLOB, ByteBuffer.allocate(0), "");
        vector(DataType.custom("com.example.MyType"), ByteBuffer.wrap(new byte[] {1}), "01");
        UUID u = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
        vector(DataType.UUID, u, "00112233445566778899aabbccddeeff");
        UUID t = UUID.fromString("c2d8e3a0-5a2b-11ee-8c99-0242ac120002");
        vector(DataType.TIMEUUID, t, "c2d8e3a05a2b11ee8c990242ac120002");
        vector(DataType.INET, InetAddress.getByName("127.0.0.1"), "7f000001");
        vector(DataType.INET, InetAddress.getByName("::1"), "00000000000000000000000000000001");
        vector(DataType.INET, InetAddress.getByName("2001:db8::ff00:42:8329"), "20010db8000000000000ff0000428329");
    }

    @Test
    void dates() {
        vector(DataType.DATE, LocalDate.of(1970, 1, 1), "80000000");
        vector(DataType.DATE, LocalDate.of(1970, 1, 2), "80000001");
        vector(DataType.DATE, LocalDate.of(1969, 12, 31), "7fffffff");
        vector(DataType.DATE, LocalDate.of(-5877641, 6, 23), "00000000");
        vector(DataType.DATE, LocalDate.of(5881580, 7, 11), "ffffffff");
    }

    @Test
    void timesAndTimestamps() {
        vector(DataType.TIME, LocalTime.MIDNIGHT, "0000000000000000");
        vector(DataType.TIME, LocalTime.of(0, 0, 1), "000000003b9aca00");
        vector(DataType.TIME, LocalTime.MAX, "00004e94914effff"); // 86399999999999
        vector(DataType.TIMESTAMP, Instant.EPOCH, "0000000000000000");
        vector(DataType.TIMESTAMP, Instant.ofEpochMilli(1000), "00000000000003e8");
        vector(DataType.TIMESTAMP, Instant.ofEpochMilli(-1), "ffffffffffffffff");
    }

    @Test
    void durations() {
        vector(DataType.DURATION, CqlDuration.of(1, 2, 3), "02 04 06");
        vector(DataType.DURATION, CqlDuration.of(-1, -2, -3), "01 03 05");
        vector(DataType.DURATION, CqlDuration.of(0, 0, 3_600_000_000_000L), "00 00 fc068c61714000");
        vector(DataType.DURATION, CqlDuration.of(0, -1, -3_600_000_000_000L), "00 01 fc068c61713fff");
        vector(DataType.DURATION, CqlDuration.of(Integer.MAX_VALUE, 0, Long.MAX_VALUE),
                "f0fffffffe 00 fffffffffffffffffe");
    }

    @Test
    void emptyValuesOfFixedWidthTypesDecodeToNull() {
        for (DataType t : new DataType[] {DataType.BIGINT, DataType.BOOLEAN, DataType.COUNTER, DataType.DATE,
                DataType.DECIMAL, DataType.DOUBLE, DataType.DURATION, DataType.FLOAT, DataType.INET, DataType.INT,
                DataType.SMALLINT, DataType.TIME, DataType.TIMESTAMP, DataType.TIMEUUID, DataType.TINYINT,
                DataType.UUID, DataType.VARINT}) {
            assertThat(decodeHex(t, "")).as("empty %s", t).isNull();
        }
    }

    @Test
    void nullLengthDecodesToNull() {
        assertThat(Codecs.decode(DataType.INT, io.netty.buffer.Unpooled.EMPTY_BUFFER, 0, -1)).isNull();
        assertThat(Codecs.decode(DataType.list(DataType.INT), io.netty.buffer.Unpooled.EMPTY_BUFFER, 0, -1)).isNull();
    }

    @Test
    void decodedBlobIsTheCallersOwnCopy() {
        io.netty.buffer.ByteBuf cell = io.netty.buffer.Unpooled.wrappedBuffer(new byte[] {1, 2});
        ByteBuffer b = (ByteBuffer) Codecs.decode(DataType.BLOB, cell, 0, 2);
        assertThat(b.remaining()).isEqualTo(2);
        b.put(0, (byte) 9);
        assertThat(cell.getByte(0)).as("the frame is untouched").isEqualTo((byte) 1);
        assertThat(Codecs.decode(DataType.BLOB, cell, 0, 2)).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2}));
    }
}
