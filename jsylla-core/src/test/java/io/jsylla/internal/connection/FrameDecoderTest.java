package io.jsylla.internal.connection;

import io.jsylla.internal.protocol.AuthChallenge;
import io.jsylla.internal.protocol.CodecException;
import io.jsylla.internal.protocol.Compressor;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.FrameCodec;
import io.jsylla.internal.protocol.Lz4Compressor;
import io.jsylla.internal.protocol.Opcode;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.Ready;
import io.jsylla.internal.protocol.Responses;
import io.jsylla.internal.protocol.SetKeyspaceResult;
import io.jsylla.internal.protocol.SnappyCompressor;
import io.jsylla.internal.protocol.Supported;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static io.jsylla.internal.connection.ConnectionTesting.closeQuietly;
import static io.jsylla.internal.connection.ConnectionTesting.compressedResponse;
import static io.jsylla.internal.connection.ConnectionTesting.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameDecoderTest {
    private static final int MAX = FrameCodec.DEFAULT_MAX_BODY_LENGTH;

    /** Three frames of different shapes back to back: empty body, a map, a string. */
    private static ByteBuf threeFrames() {
        return Unpooled.wrappedBuffer(
                response(ProtocolVersion.V4, 0, new Ready()),
                response(ProtocolVersion.V4, 1, new Supported(Map.of("COMPRESSION", List.of("lz4", "snappy")))),
                response(ProtocolVersion.V4, 300, new SetKeyspaceResult("ks")));
    }

    private static void assertThreeFrames(List<Frame> frames) {
        assertThat(frames).extracting(Frame::streamId).containsExactly(0, 1, 300);
        assertThat(frames).extracting(Frame::opcode).containsExactly(Opcode.READY, Opcode.SUPPORTED, Opcode.RESULT);
        assertThat(Responses.decode(frames.get(1)))
                .isEqualTo(new Supported(Map.of("COMPRESSION", List.of("lz4", "snappy"))));
        assertThat(Responses.decode(frames.get(2))).isEqualTo(new SetKeyspaceResult("ks"));
    }

    private static List<Frame> drain(EmbeddedChannel ch) {
        List<Frame> frames = new ArrayList<>();
        Object m;
        while ((m = ch.readInbound()) != null) frames.add((Frame) m);
        return frames;
    }

    @Test
    void decodesOneFrame() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(MAX));
        ch.writeInbound(response(ProtocolVersion.V4, 7, new Ready()));
        Frame f = ch.readInbound();
        assertThat(f.streamId()).isEqualTo(7);
        assertThat(f.version()).isEqualTo(ProtocolVersion.V4);
        assertThat(f.opcode()).isEqualTo(Opcode.READY);
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void decodesManyFramesFromOneBuffer() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(MAX));
        ch.writeInbound(threeFrames());
        assertThreeFrames(drain(ch));
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void decodesFramesSplitAtEveryOffset() {
        ByteBuf all = threeFrames();
        int n = all.readableBytes();
        for (int cut = 0; cut <= n; cut++) {
            EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(MAX));
            ch.writeInbound(all.retainedSlice(0, cut));
            ch.writeInbound(all.retainedSlice(cut, n - cut));
            assertThreeFrames(drain(ch));
            assertThat(ch.finish()).as("leftover after cut at %d", cut).isFalse();
        }
        all.release();
    }

    @Test
    void decodesFramesFedOneByteAtATime() {
        ByteBuf all = threeFrames();
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(MAX));
        List<Frame> frames = new ArrayList<>();
        while (all.isReadable()) {
            ch.writeInbound(all.readRetainedSlice(1));
            frames.addAll(drain(ch));
        }
        all.release();
        assertThreeFrames(frames);
    }

    @Test
    void inflatesCompressedFramesOnceACompressorIsSet() {
        for (Compressor c : List.of(Lz4Compressor.INSTANCE, SnappyCompressor.INSTANCE)) {
            FrameDecoder decoder = new FrameDecoder(MAX);
            decoder.compressor(c);
            EmbeddedChannel ch = new EmbeddedChannel(decoder);
            AuthChallenge challenge = new AuthChallenge("a challenge token, a challenge token".getBytes());
            ByteBuf frames = Unpooled.wrappedBuffer(compressedResponse(3, challenge, c),
                    response(ProtocolVersion.V4, 4, new Ready())); // the flag, not the setting, says which are
            while (frames.isReadable()) ch.writeInbound(frames.readRetainedSlice(1));
            frames.release();
            List<Frame> decoded = drain(ch);
            assertThat(decoded).extracting(Frame::streamId).containsExactly(3, 4);
            assertThat(((AuthChallenge) Responses.decode(decoded.get(0))).token()).isEqualTo(challenge.token());
        }
    }

    @Test
    void aCompressedFrameWithoutCompressorIsAnError() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(MAX));
        ByteBuf f = compressedResponse(3, new Ready(), Lz4Compressor.INSTANCE);
        assertThatThrownBy(() -> ch.writeInbound(f)).isInstanceOf(DecoderException.class)
                .hasCauseInstanceOf(CodecException.class).hasMessageContaining("compressed");
        closeQuietly(ch);
    }

    @Test
    void aMalformedHeaderRaisesAtOnce() {
        // a request version byte (no response bit) where a response is expected
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(MAX));
        ByteBuf bad = Unpooled.wrappedBuffer(new byte[] {0x04, 0, 0, 1, Opcode.READY, 0, 0, 0, 0});
        assertThatThrownBy(() -> ch.writeInbound(bad)).isInstanceOf(DecoderException.class)
                .hasCauseInstanceOf(CodecException.class).hasMessageContaining("version byte");
        closeQuietly(ch);
    }

    @Test
    void aBodyBeyondTheLimitRaisesWithoutWaitingForIt() {
        // only the header arrives: the decoder must not sit waiting for 1 MiB of body
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(1024));
        ByteBuf header = Unpooled.buffer().writeByte(0x84).writeByte(0).writeShort(1).writeByte(Opcode.RESULT)
                .writeInt(1 << 20);
        assertThatThrownBy(() -> ch.writeInbound(header)).isInstanceOf(DecoderException.class)
                .hasMessageContaining("out of range");
        closeQuietly(ch);
    }
}
