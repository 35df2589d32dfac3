package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static io.jsylla.internal.protocol.Hex.buf;
import static io.jsylla.internal.protocol.Hex.hex;
import static io.jsylla.internal.protocol.Hex.norm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * v5 segment framing. The expected CRCs and the two whole-segment vectors were computed
 * independently with a small python3 script: CRC24 starting at 0x875060, each header byte in wire
 * order XORed into bits 16-23 then 8 shifts left, XORing 0x1974F0B whenever bit 24 is set; CRC32
 * as zlib.crc32(payload, zlib.crc32(b"\xfa\x2d\x55\xca")); all fields little-endian.
 */
class SegmentCodecTest {

    private static ByteBuf text(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }

    private static ByteBuf random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return Unpooled.wrappedBuffer(bytes);
    }

    @Test
    void crc24OfKnownHeaders() {
        // 05 00 02: payload length 5, self-contained (bit 17)
        assertThat(Crc.crc24(0x020005L, 3)).isEqualTo(0x9a9919);
        // 0a 00 28 00 04: LZ4, payload 10, uncompressed 20 (bits 17-33), self-contained (bit 34)
        assertThat(Crc.crc24(10L | 20L << 17 | 1L << 34, 5)).isEqualTo(0x14710b);
        // ff ff 01: payload 131071, not self-contained
        assertThat(Crc.crc24(0x01ffffL, 3)).isEqualTo(0xfe9138);
        assertThat(Crc.crc24(0, 3)).isEqualTo(0x7de777);
    }

    @Test
    void crc32IsSeeded() {
        assertThat(Crc.crc32(text("hello"), 0, 5)).isEqualTo(0xb60e8074);
        assertThat(Crc.crc32(Unpooled.EMPTY_BUFFER, 0, 0)).isEqualTo(0x44777ed3);
        ByteBuf shifted = text("xxhelloyy");
        assertThat(Crc.crc32(shifted, 2, 5)).isEqualTo(0xb60e8074);
        assertThat(shifted.readerIndex()).isZero();
    }

    @Test
    void uncompressedSegmentVector() {
        SegmentCodec codec = new SegmentCodec(false);
        assertThat(codec.headerLength()).isEqualTo(6);
        ByteBuf out = Unpooled.buffer();
        ByteBuf payload = text("hello");
        codec.encode(payload, true, out);
        assertThat(payload.isReadable()).isFalse();
        // header 050002 | CRC24 19999a | "hello" | CRC32 74800eb6
        assertThat(hex(out)).isEqualTo(norm("050002 19999a 68656c6c6f 74800eb6"));
        Segment segment = codec.decode(out);
        assertThat(segment.selfContained()).isTrue();
        assertThat(segment.payload().toString(StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(out.isReadable()).isFalse();
    }

    @Test
    void lz4SegmentWithZeroUncompressedLengthIsStoredRaw() {
        SegmentCodec codec = new SegmentCodec(true);
        assertThat(codec.headerLength()).isEqualTo(8);
        // header 05 00 00 00 04: payload 5, uncompressed length 0 = raw, self-contained
        ByteBuf wire = buf("0500000004 e4ab8e 68656c6c6f 74800eb6");
        Segment segment = codec.decode(wire);
        assertThat(segment.payload().toString(StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(segment.selfContained()).isTrue();
        // and the encoder does the same when LZ4 does not shrink the payload
        ByteBuf out = Unpooled.buffer();
        codec.encode(text("hello"), true, out);
        assertThat(hex(out)).isEqualTo(norm("0500000004 e4ab8e 68656c6c6f 74800eb6"));
    }

    @Test
    void lz4SegmentRoundTrip() {
        SegmentCodec codec = new SegmentCodec(true);
        String repetitive = "frame ".repeat(1000);
        ByteBuf out = Unpooled.buffer();
        codec.encode(text(repetitive), false, out);
        assertThat(out.readableBytes()).isLessThan(repetitive.length() / 4);
        long header = out.getUnsignedIntLE(0) | (long) out.getUnsignedByte(4) << 32;
        assertThat(header >>> 17 & 0x1ffff).isEqualTo(repetitive.length()); // uncompressed length field
        assertThat(header & 0x1ffff).isEqualTo(out.readableBytes() - 8 - 4);
        Segment segment = codec.decode(out);
        assertThat(segment.selfContained()).isFalse();
        assertThat(segment.payload().toString(StandardCharsets.UTF_8)).isEqualTo(repetitive);
    }

    @Test
    void roundTripsOfEverySizeClass() {
        for (boolean lz4 : new boolean[] {false, true}) {
            SegmentCodec codec = new SegmentCodec(lz4);
            for (int length : new int[] {0, 1, 1000, SegmentCodec.MAX_PAYLOAD_LENGTH}) {
                ByteBuf payload = random(length, length);
                ByteBuf out = Unpooled.buffer();
                codec.encode(payload.duplicate(), true, out);
                Segment segment = codec.decode(out);
                assertThat(segment.payload()).as("lz4=%s length=%d", lz4, length).isEqualTo(payload);
                assertThat(out.isReadable()).isFalse();
            }
        }
    }

    @Test
    void payloadAboveMaxIsRefused() {
        assertThatThrownBy(() -> new SegmentCodec(false).encode(random(131072, 1), true, Unpooled.buffer()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partialSegmentReturnsNullAndConsumesNothing() {
        ByteBuf full = buf("050002 19999a 68656c6c6f 74800eb6");
        SegmentCodec codec = new SegmentCodec(false);
        for (int n = 0; n < full.readableBytes(); n++) {
            ByteBuf partial = full.slice(0, n);
            assertThat(codec.decode(partial)).as("%d bytes", n).isNull();
            assertThat(partial.readerIndex()).isZero();
        }
        assertThat(codec.decode(full)).isNotNull();
    }

    @Test
    void corruptedHeaderCrcFailsAsSoonAsTheHeaderIsIn() {
        ByteBuf wire = buf("050002 19999b");
        assertThatThrownBy(() -> new SegmentCodec(false).decode(wire))
                .isInstanceOf(CodecException.class).hasMessageContaining("CRC24");
        // a flipped length bit is caught by the header CRC too
        assertThatThrownBy(() -> new SegmentCodec(false).decode(buf("070002 19999a 68656c6c6f 74800eb6")))
                .isInstanceOf(CodecException.class).hasMessageContaining("CRC24");
    }

    @Test
    void corruptedPayloadCrc() {
        assertThatThrownBy(() -> new SegmentCodec(false).decode(buf("050002 19999a 68656c6c6f 74800eb7")))
                .isInstanceOf(CodecException.class).hasMessageContaining("CRC32");
        assertThatThrownBy(() -> new SegmentCodec(false).decode(buf("050002 19999a 68656c6c6e 74800eb6")))
                .isInstanceOf(CodecException.class).hasMessageContaining("CRC32");
    }

    @Test
    void corruptLz4PayloadWithValidCrcs() {
        // a well-formed segment whose payload claims to inflate to 100 bytes but is garbage
        ByteBuf payload = buf("ffffffffff");
        long header = 5L | 100L << 17 | 1L << 34;
        ByteBuf wire = Unpooled.buffer();
        for (int i = 0; i < 5; i++) wire.writeByte((int) (header >>> 8 * i));
        wire.writeMediumLE(Crc.crc24(header, 5));
        wire.writeBytes(payload);
        wire.writeIntLE(Crc.crc32(payload, 0, 5));
        assertThatThrownBy(() -> new SegmentCodec(true).decode(wire)).isInstanceOf(CodecException.class);
    }
}
