package io.jsylla.internal.connection;

import io.jsylla.Consistency;
import io.jsylla.internal.protocol.CodecException;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.FrameCodec;
import io.jsylla.internal.protocol.Opcode;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.Query;
import io.jsylla.internal.protocol.QueryParameters;
import io.jsylla.internal.protocol.Segment;
import io.jsylla.internal.protocol.SegmentCodec;
import io.jsylla.internal.protocol.Values;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static io.jsylla.internal.connection.ConnectionTesting.closeQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** v5 framing: SegmentEncoder packs outbound frames per flush, SegmentDecoder turns segments back into frames. */
class SegmentHandlersTest {
    private static final int MAX = FrameCodec.DEFAULT_MAX_BODY_LENGTH;

    private static ByteBuf requestFrame(int stream, String cql) {
        ByteBuf out = Unpooled.buffer();
        FrameCodec.encode(out, ProtocolVersion.V5, stream, false, null,
                new Query(cql, QueryParameters.of(Consistency.ONE, Values.NONE)), null);
        return out;
    }

    /** A response frame whose body is {@code length} bytes, compressible or random. */
    private static ByteBuf responseFrame(int stream, int length, boolean random) {
        byte[] body = new byte[length];
        if (random) {
            new Random(stream).nextBytes(body);
        } else {
            for (int i = 0; i < length; i++) body[i] = (byte) ("abcdefgh".charAt(i % 8));
        }
        ByteBuf out = Unpooled.buffer();
        FrameCodec.encodeResponse(out, ProtocolVersion.V5, 0, stream, Opcode.RESULT, Unpooled.wrappedBuffer(body));
        return out;
    }

    private static List<Segment> segments(SegmentCodec codec, ByteBuf wire) {
        List<Segment> out = new ArrayList<>();
        Segment s;
        while ((s = codec.decode(wire)) != null) out.add(s);
        assertThat(wire.isReadable()).as("bytes after the last segment").isFalse();
        return out;
    }

    /** Everything the encoder wrote so far, as one buffer. */
    private static ByteBuf outbound(EmbeddedChannel ch) {
        ByteBuf all = Unpooled.buffer();
        ByteBuf b;
        while ((b = ch.readOutbound()) != null) {
            all.writeBytes(b);
            b.release();
        }
        return all;
    }

    @Test
    void packsTheFramesWrittenBetweenFlushesIntoOneSegment() {
        SegmentCodec codec = new SegmentCodec(false);
        EmbeddedChannel ch = new EmbeddedChannel(new SegmentEncoder(codec));
        List<ByteBuf> frames = List.of(requestFrame(0, "SELECT 1"), requestFrame(1, "SELECT 2"), requestFrame(2, "SELECT 3"));
        ByteBuf expected = Unpooled.buffer();
        for (ByteBuf f : frames) {
            expected.writeBytes(f, f.readerIndex(), f.readableBytes());
            ch.write(f);
        }
        assertThat(ch.<Object>readOutbound()).as("nothing goes out before the flush").isNull();
        ch.flush();
        List<Segment> segs = segments(codec, outbound(ch));
        assertThat(segs).hasSize(1);
        assertThat(segs.get(0).selfContained()).isTrue();
        assertThat(ByteBufUtil.equals(segs.get(0).payload(), expected)).isTrue();

        ch.write(requestFrame(3, "SELECT 4"));
        ch.flush();
        ch.write(requestFrame(4, "SELECT 5"));
        ch.flush();
        assertThat(segments(codec, outbound(ch))).hasSize(2).allMatch(Segment::selfContained);
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void aFlushWithNothingWrittenSendsNothing() {
        EmbeddedChannel ch = new EmbeddedChannel(new SegmentEncoder(new SegmentCodec(false)));
        ch.flush();
        assertThat(ch.<Object>readOutbound()).isNull();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void aLargeFrameCrossesSegmentsAndKeepsItsPlace() {
        SegmentCodec codec = new SegmentCodec(false);
        EmbeddedChannel ch = new EmbeddedChannel(new SegmentEncoder(codec));
        ByteBuf big = responseFrame(2, 300 * 1024, true);
        int bigLength = big.readableBytes();
        ch.write(requestFrame(1, "before"));
        ch.write(big);
        ch.write(requestFrame(3, "after"));
        ch.flush();
        List<Segment> segs = segments(codec, outbound(ch));
        // the small frame before goes first, alone; then three slices of the big one; then the small one after
        assertThat(segs).extracting(Segment::selfContained).containsExactly(true, false, false, false, true);
        assertThat(segs.get(1).payload().readableBytes()).isEqualTo(SegmentCodec.MAX_PAYLOAD_LENGTH);
        assertThat(segs.get(1).payload().readableBytes() + segs.get(2).payload().readableBytes()
                + segs.get(3).payload().readableBytes()).isEqualTo(bigLength);
        assertThat(ch.finish()).isFalse();
    }

    /** Encodes the frames through a SegmentEncoder, feeds the bytes to a SegmentDecoder in pieces, returns the frames. */
    private static List<Frame> roundTrip(boolean lz4, List<ByteBuf> frames, int pieceSize) {
        SegmentCodec codec = new SegmentCodec(lz4);
        EmbeddedChannel enc = new EmbeddedChannel(new SegmentEncoder(codec));
        for (ByteBuf f : frames) enc.write(f);
        enc.flush();
        ByteBuf wire = outbound(enc);
        EmbeddedChannel dec = new EmbeddedChannel(new SegmentDecoder(codec, MAX));
        List<Frame> out = new ArrayList<>();
        while (wire.isReadable()) {
            dec.writeInbound(wire.readRetainedSlice(Math.min(pieceSize, wire.readableBytes())));
            Frame f;
            while ((f = dec.readInbound()) != null) out.add(f);
        }
        wire.release();
        assertThat(dec.finish()).isFalse();
        return out;
    }

    private static void assertFrames(List<Frame> frames, int... lengths) {
        assertThat(frames).extracting(Frame::streamId).containsExactly(0, 1, 2, 3).hasSize(lengths.length);
        for (int i = 0; i < lengths.length; i++) {
            assertThat(frames.get(i).body().readableBytes()).isEqualTo(lengths[i]);
            boolean random = lengths[i] > 100_000;
            ByteBuf expected = responseFrame(i, lengths[i], random).skipBytes(FrameCodec.HEADER_LENGTH);
            assertThat(ByteBufUtil.equals(frames.get(i).body(), expected)).as("body of frame %d", i).isTrue();
        }
    }

    private static List<ByteBuf> mixedFrames() {
        return List.of(responseFrame(0, 10, false), responseFrame(1, 300 * 1024, true),
                responseFrame(2, 0, false), responseFrame(3, 5000, false));
    }

    @Test
    void decoderReassemblesByteAtATime() {
        assertFrames(roundTrip(false, mixedFrames(), 1), 10, 300 * 1024, 0, 5000);
    }

    @Test
    void decoderReassemblesLz4SegmentsByteAtATime() {
        assertFrames(roundTrip(true, mixedFrames(), 1), 10, 300 * 1024, 0, 5000);
    }

    @Test
    void decoderHandlesEverySplitPoint() {
        for (boolean lz4 : new boolean[] {false, true}) {
            SegmentCodec codec = new SegmentCodec(lz4);
            EmbeddedChannel enc = new EmbeddedChannel(new SegmentEncoder(codec));
            enc.write(responseFrame(0, 10, false));
            enc.write(responseFrame(1, 200, false));
            enc.flush();
            enc.write(responseFrame(2, 30, true));
            enc.flush();
            ByteBuf wire = outbound(enc);
            int n = wire.readableBytes();
            for (int cut = 0; cut <= n; cut++) {
                EmbeddedChannel dec = new EmbeddedChannel(new SegmentDecoder(codec, MAX));
                dec.writeInbound(wire.retainedSlice(0, cut));
                dec.writeInbound(wire.retainedSlice(cut, n - cut));
                List<Frame> frames = new ArrayList<>();
                Frame f;
                while ((f = dec.readInbound()) != null) frames.add(f);
                assertThat(frames).as("cut at %d", cut).extracting(Frame::streamId).containsExactly(0, 1, 2);
                assertThat(dec.finish()).isFalse();
            }
            wire.release();
        }
    }

    @Test
    void lz4SegmentsAreSmallerForCompressibleFrames() {
        SegmentCodec codec = new SegmentCodec(true);
        EmbeddedChannel enc = new EmbeddedChannel(new SegmentEncoder(codec));
        enc.writeAndFlush(responseFrame(0, 20_000, false));
        ByteBuf wire = outbound(enc);
        assertThat(wire.readableBytes()).isLessThan(20_000 / 4);
        List<Segment> segs = segments(codec, wire);
        assertThat(segs).hasSize(1);
        assertThat(segs.get(0).payload().readableBytes()).isEqualTo(20_000 + FrameCodec.HEADER_LENGTH);
    }

    @Test
    void aCorruptedPayloadCrcRaises() {
        SegmentCodec codec = new SegmentCodec(false);
        ByteBuf wire = Unpooled.buffer();
        codec.encode(responseFrame(0, 40, false), true, wire);
        wire.setByte(codec.headerLength() + 12, wire.getByte(codec.headerLength() + 12) ^ 1);
        EmbeddedChannel dec = new EmbeddedChannel(new SegmentDecoder(codec, MAX));
        assertThatThrownBy(() -> dec.writeInbound(wire)).isInstanceOf(DecoderException.class)
                .hasCauseInstanceOf(CodecException.class).hasMessageContaining("CRC32");
        closeQuietly(dec);
    }

    @Test
    void aCorruptedHeaderCrcRaisesBeforeThePayloadArrives() {
        SegmentCodec codec = new SegmentCodec(true);
        ByteBuf wire = Unpooled.buffer();
        codec.encode(Unpooled.copiedBuffer("x".repeat(500), StandardCharsets.US_ASCII), true, wire);
        wire.setByte(1, wire.getByte(1) ^ 0x10);
        EmbeddedChannel dec = new EmbeddedChannel(new SegmentDecoder(codec, MAX));
        ByteBuf headerOnly = wire.readRetainedSlice(codec.headerLength());
        assertThatThrownBy(() -> dec.writeInbound(headerOnly)).isInstanceOf(DecoderException.class)
                .hasMessageContaining("CRC24");
        wire.release();
        closeQuietly(dec);
    }

    @Test
    void theSegmentsOfOneReadShareOneCopyAndThoseBeforeABrokenOneGetThrough() {
        for (boolean lz4 : new boolean[] {false, true}) {
            SegmentCodec codec = new SegmentCodec(lz4);
            ByteBuf wire = Unpooled.buffer();
            for (int stream = 0; stream < 3; stream++) codec.encode(responseFrame(stream, 200, stream == 1), true, wire);
            codec.encode(responseFrame(3, 50, false), true, wire);
            wire.setByte(wire.writerIndex() - 1, wire.getByte(wire.writerIndex() - 1) ^ 1); // the last segment's CRC32

            EmbeddedChannel dec = new EmbeddedChannel(new SegmentDecoder(codec, MAX));
            assertThatThrownBy(() -> dec.writeInbound(wire)).as("lz4 %s", lz4).isInstanceOf(DecoderException.class)
                    .hasMessageContaining("CRC32");
            List<Frame> frames = new ArrayList<>();
            Frame f;
            while ((f = dec.readInbound()) != null) frames.add(f);
            assertThat(frames).as("lz4 %s", lz4).extracting(Frame::streamId).containsExactly(0, 1, 2);
            assertThat(frames.get(0).body().unwrap()).as("one copy per read").isSameAs(frames.get(2).body().unwrap());
            for (int stream = 0; stream < 3; stream++) {
                ByteBuf expected = responseFrame(stream, 200, stream == 1).skipBytes(FrameCodec.HEADER_LENGTH);
                assertThat(ByteBufUtil.equals(frames.get(stream).body(), expected)).as("lz4 %s, frame %d", lz4, stream).isTrue();
            }
            closeQuietly(dec);
        }
    }
}
