package io.jsylla.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VIntsTest {

    private static String unsigned(long v) {
        ByteBuf buf = Unpooled.buffer();
        VInts.writeUnsignedVInt(buf, v);
        return ByteBufUtil.hexDump(buf);
    }

    private static String signed(long v) {
        ByteBuf buf = Unpooled.buffer();
        VInts.writeVInt(buf, v);
        return ByteBufUtil.hexDump(buf);
    }

    @Test
    void specExample() {
        // v5 spec: 256 000 is [110]00011 11101000 00000000.
        assertThat(unsigned(256_000)).isEqualTo("c3e800");
    }

    @Test
    void unsignedBoundaries() {
        assertThat(unsigned(0)).isEqualTo("00");
        assertThat(unsigned(127)).isEqualTo("7f");
        assertThat(unsigned(128)).isEqualTo("8080");
        assertThat(unsigned((1L << 14) - 1)).isEqualTo("bfff");
        assertThat(unsigned(1L << 14)).isEqualTo("c04000");
        assertThat(unsigned((1L << 56) - 1)).isEqualTo("feffffffffffffff");
        assertThat(unsigned(1L << 56)).isEqualTo("ff0100000000000000");
        assertThat(unsigned(-1L)).isEqualTo("ffffffffffffffffff");
    }

    @Test
    void zigZag() {
        assertThat(signed(0)).isEqualTo("00");
        assertThat(signed(-1)).isEqualTo("01");
        assertThat(signed(1)).isEqualTo("02");
        assertThat(signed(-2)).isEqualTo("03");
        assertThat(signed(63)).isEqualTo("7e");
        assertThat(signed(64)).isEqualTo("8080");
        assertThat(signed(-64)).isEqualTo("7f");
        assertThat(signed(-65)).isEqualTo("8081");
        assertThat(signed(3_600_000_000_000L)).isEqualTo("fc068c61714000");
        assertThat(signed(Long.MAX_VALUE)).isEqualTo("fffffffffffffffffe");
        assertThat(signed(Long.MIN_VALUE)).isEqualTo("ffffffffffffffffff");
    }

    @Test
    void sizesMatchEncodings() {
        for (int bits = 0; bits < 64; bits++) {
            for (long v : new long[] {1L << bits, (1L << bits) - 1, -(1L << bits)}) {
                assertThat(VInts.computeUnsignedVIntSize(v)).isEqualTo(unsigned(v).length() / 2);
                assertThat(VInts.computeVIntSize(v)).isEqualTo(signed(v).length() / 2);
            }
        }
    }

    @Test
    void roundTripsAtAbsoluteIndexAndWithReaderIndex() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            long v = random.nextLong() >> random.nextInt(64);
            ByteBuf buf = Unpooled.buffer();
            buf.writeByte(0x55);
            VInts.writeVInt(buf, v);
            VInts.writeUnsignedVInt(buf, v);
            assertThat(VInts.readVInt(buf, 1)).isEqualTo(v);
            int second = 1 + VInts.computeVIntSize(v);
            assertThat(VInts.sizeFromFirstByte(buf.getByte(1))).isEqualTo(VInts.computeVIntSize(v));
            assertThat(VInts.readUnsignedVInt(buf, second)).isEqualTo(v);
            assertThat(buf.readerIndex()).isZero();
            buf.skipBytes(1);
            assertThat(VInts.readVInt(buf)).isEqualTo(v);
            assertThat(VInts.readUnsignedVInt(buf)).isEqualTo(v);
            assertThat(buf.isReadable()).isFalse();
        }
    }

    @Test
    void truncatedInputIsRejected() {
        ByteBuf buf = Unpooled.wrappedBuffer(new byte[] {(byte) 0xC3, (byte) 0xE8});
        assertThatThrownBy(() -> VInts.readUnsignedVInt(buf)).isInstanceOf(CodecException.class)
                .hasMessageContaining("truncated vint");
    }
}
