package io.jsylla.internal.protocol;

import io.jsylla.Consistency;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.jsylla.internal.protocol.Hex.buf;
import static io.jsylla.internal.protocol.Hex.hex;
import static io.jsylla.internal.protocol.ProtocolVersion.V4;
import static io.jsylla.internal.protocol.ProtocolVersion.V5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** v4 frame-body compression (spec section 5) with LZ4 and Snappy. */
class CompressionTest {

    private static final Query QUERY = new Query("SELECT * FROM t WHERE k = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'",
            QueryParameters.of(Consistency.ONE, Values.NONE));

    private static ByteBuf text(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }

    @Test
    void forName() {
        assertThat(Compressor.forName("lz4")).isSameAs(Lz4Compressor.INSTANCE);
        assertThat(Compressor.forName("snappy")).isSameAs(SnappyCompressor.INSTANCE);
        assertThat(Lz4Compressor.INSTANCE.name()).isEqualTo("lz4");
        assertThat(SnappyCompressor.INSTANCE.name()).isEqualTo("snappy");
        assertThatThrownBy(() -> Compressor.forName("zstd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundTripsLeaveTheInputAlone() {
        for (Compressor c : List.of(Lz4Compressor.INSTANCE, SnappyCompressor.INSTANCE)) {
            ByteBuf in = text("hello hello hello hello hello hello hello");
            ByteBuf compressed = c.compress(in);
            assertThat(in.readerIndex()).isZero();
            assertThat(compressed.readableBytes()).isLessThan(in.readableBytes());
            assertThat(c.decompress(compressed)).isEqualTo(in);
            assertThat(c.decompress(c.compress(Unpooled.EMPTY_BUFFER)).readableBytes()).isZero();
        }
    }

    @Test
    void lz4BodyIsABigEndianLengthThenABlock() {
        ByteBuf in = text("abcabcabcabcabcabcabcabc");
        ByteBuf compressed = Lz4Compressor.INSTANCE.compress(in);
        assertThat(compressed.getInt(0)).isEqualTo(24);
        ByteBuf block = compressed.slice(4, compressed.readableBytes() - 4);
        ByteBuf out = Unpooled.buffer();
        Lz4Compressor.INSTANCE.decompressBlock(block, 24, out);
        assertThat(out).isEqualTo(in);
    }

    @Test
    void corruptInput() {
        assertThatThrownBy(() -> Lz4Compressor.INSTANCE.decompress(buf("00000010 ff ff ff")))
                .isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> Lz4Compressor.INSTANCE.decompress(buf("0000")))
                .isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> Lz4Compressor.INSTANCE.decompress(buf("7fffffff 00")))
                .isInstanceOf(CodecException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> snappyDecompress("ff ff ff ff 0f 00")).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> snappyDecompress("05 ff ff")).isInstanceOf(CodecException.class);
    }

    private static ByteBuf snappyDecompress(String hex) {
        return SnappyCompressor.INSTANCE.decompress(buf(hex));
    }

    @Test
    void lz4BlockMustDecodeToTheAnnouncedLength() {
        ByteBuf block = Unpooled.buffer();
        Lz4Compressor.INSTANCE.compressBlock(text("0123456789"), block);
        assertThatThrownBy(() -> Lz4Compressor.INSTANCE.decompressBlock(block.duplicate(), 5, Unpooled.buffer()))
                .isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> Lz4Compressor.INSTANCE.decompressBlock(block.duplicate(), 20, Unpooled.buffer()))
                .isInstanceOf(CodecException.class);
    }

    @Test
    void compressedRequestFrames() {
        for (Compressor c : List.of(Lz4Compressor.INSTANCE, SnappyCompressor.INSTANCE)) {
            ByteBuf plainBody = Unpooled.buffer();
            Wire.writeBytesMap(Map.of("p", Hex.nio("01")), plainBody);
            QUERY.encode(plainBody, V4);

            ByteBuf frame = Unpooled.buffer();
            FrameCodec.encode(frame, V4, 9, true, Map.of("p", Hex.nio("01")), QUERY, c);
            assertThat(frame.getByte(1)).isEqualTo((byte) (FrameFlags.COMPRESSED | FrameFlags.TRACING | FrameFlags.CUSTOM_PAYLOAD));
            assertThat(frame.getInt(5)).isEqualTo(frame.readableBytes() - 9);
            ByteBuf body = c.decompress(frame.slice(9, frame.readableBytes() - 9));
            assertThat(hex(body)).isEqualTo(hex(plainBody));
        }
    }

    @Test
    void startupOptionsAndV5FramesAreNeverCompressed() {
        ByteBuf startup = Unpooled.buffer();
        FrameCodec.encode(startup, V4, 0, false, null, new Startup(Map.of("COMPRESSION", "lz4")), Lz4Compressor.INSTANCE);
        assertThat(startup.getByte(1)).isZero();
        ByteBuf options = Unpooled.buffer();
        FrameCodec.encode(options, V4, 0, false, null, Options.INSTANCE, Lz4Compressor.INSTANCE);
        assertThat(options.getByte(1)).isZero();
        ByteBuf v5 = Unpooled.buffer();
        FrameCodec.encode(v5, V5, 0, false, null, QUERY, Lz4Compressor.INSTANCE);
        assertThat(v5.getByte(1)).isZero();
    }

    @Test
    void compressedResponseFramesDecode() {
        for (Compressor c : List.of(Lz4Compressor.INSTANCE, SnappyCompressor.INSTANCE)) {
            // warnings ["w"] then RESULT Set_keyspace "ks", compressed as a whole
            ByteBuf compressed = c.compress(buf("0001 0001 77 | 00000003 0002 6b73"));
            ByteBuf frameBytes = Unpooled.buffer();
            FrameCodec.encodeResponse(frameBytes, V4, FrameFlags.COMPRESSED | FrameFlags.WARNING, 3, Opcode.RESULT,
                    compressed);
            Frame frame = FrameCodec.decode(frameBytes.duplicate(), c);
            assertThat(frame.warnings()).containsExactly("w");
            assertThat(Responses.decode(frame)).isEqualTo(new SetKeyspaceResult("ks"));
            assertThatThrownBy(() -> FrameCodec.decode(frameBytes.duplicate(), null)).isInstanceOf(CodecException.class);
        }
    }
}
