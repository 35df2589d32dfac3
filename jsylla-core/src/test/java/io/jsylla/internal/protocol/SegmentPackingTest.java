package io.jsylla.internal.protocol;

import io.jsylla.Consistency;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.jsylla.internal.protocol.ProtocolVersion.V5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link SegmentPacker} out and {@link FrameAssembler} back in. */
class SegmentPackingTest {

    /** A v5 response frame (so the assembler can read it) with a body of the given size. */
    private static ByteBuf responseFrame(int streamId, int bodyLength) {
        byte[] body = new byte[bodyLength];
        new Random(streamId).nextBytes(body);
        ByteBuf out = Unpooled.buffer();
        FrameCodec.encodeResponse(out, V5, 0, streamId, Opcode.RESULT, Unpooled.wrappedBuffer(body));
        return out;
    }

    private static List<Segment> decodeAll(SegmentCodec codec, ByteBuf wire) {
        List<Segment> segments = new ArrayList<>();
        Segment s;
        while ((s = codec.decode(wire)) != null) segments.add(s);
        assertThat(wire.isReadable()).isFalse();
        return segments;
    }

    @Test
    void smallFramesShareOneSelfContainedSegment() {
        for (boolean lz4 : new boolean[] {false, true}) {
            SegmentCodec codec = new SegmentCodec(lz4);
            SegmentPacker packer = new SegmentPacker(codec);
            ByteBuf wire = Unpooled.buffer();
            List<ByteBuf> frames = List.of(responseFrame(1, 10), responseFrame(2, 0), responseFrame(3, 500));
            for (ByteBuf f : frames) packer.add(f.duplicate(), wire);
            assertThat(wire.isReadable()).as("nothing written before flush").isFalse();
            packer.flush(wire);
            packer.flush(wire); // nothing pending: no empty segment
            List<Segment> segments = decodeAll(codec, wire);
            assertThat(segments).hasSize(1);
            assertThat(segments.get(0).selfContained()).isTrue();

            List<Frame> decoded = new ArrayList<>();
            new FrameAssembler(FrameCodec.DEFAULT_MAX_BODY_LENGTH).accept(segments.get(0), decoded::add);
            assertThat(decoded).extracting(Frame::streamId).containsExactly(1, 2, 3);
            assertThat(decoded.get(2).body()).isEqualTo(frames.get(2).slice(9, 500));
        }
    }

    @Test
    void aFullSegmentIsWrittenBeforeTheFrameThatWouldOverflowIt() {
        SegmentCodec codec = new SegmentCodec(false);
        SegmentPacker packer = new SegmentPacker(codec);
        ByteBuf wire = Unpooled.buffer();
        packer.add(responseFrame(1, 100_000), wire);
        assertThat(wire.isReadable()).isFalse();
        packer.add(responseFrame(2, 100_000), wire); // 2 x 100 009 > 131 071
        assertThat(packer.pendingBytes()).isEqualTo(100_009);
        packer.flush(wire);
        List<Segment> segments = decodeAll(codec, wire);
        assertThat(segments).hasSize(2).allMatch(Segment::selfContained);
    }

    @Test
    void a300KbFrameIsSplitIntoThreeNonSelfContainedSegments() {
        for (boolean lz4 : new boolean[] {false, true}) {
            SegmentCodec codec = new SegmentCodec(lz4);
            SegmentPacker packer = new SegmentPacker(codec);
            ByteBuf wire = Unpooled.buffer();
            ByteBuf small = responseFrame(1, 20);
            ByteBuf big = responseFrame(2, 300 * 1024);
            packer.add(small.duplicate(), wire);
            packer.add(big.duplicate(), wire); // flushes the small frame first, keeping order
            packer.add(responseFrame(3, 5), wire);
            packer.flush(wire);

            List<Segment> segments = decodeAll(codec, wire);
            assertThat(segments).extracting(Segment::selfContained).containsExactly(true, false, false, false, true);
            assertThat(segments.get(1).payload().readableBytes()).isEqualTo(SegmentCodec.MAX_PAYLOAD_LENGTH);
            assertThat(segments.get(2).payload().readableBytes()).isEqualTo(SegmentCodec.MAX_PAYLOAD_LENGTH);
            assertThat(segments.get(3).payload().readableBytes()).isEqualTo(9 + 300 * 1024 - 2 * 131071);

            FrameAssembler assembler = new FrameAssembler(FrameCodec.DEFAULT_MAX_BODY_LENGTH);
            List<Frame> decoded = new ArrayList<>();
            for (int i = 0; i < segments.size(); i++) {
                assembler.accept(segments.get(i), decoded::add);
                if (i == 1 || i == 2) assertThat(assembler.hasPartialFrame()).isTrue();
            }
            assertThat(assembler.hasPartialFrame()).isFalse();
            assertThat(decoded).extracting(Frame::streamId).containsExactly(1, 2, 3);
            assertThat(decoded.get(1).body()).isEqualTo(big.slice(9, 300 * 1024));
        }
    }

    @Test
    void oneBufferOfManyFramesPacksAsTheSameFramesAddedOneByOne() {
        for (boolean lz4 : new boolean[] {false, true}) {
            SegmentCodec codec = new SegmentCodec(lz4);
            ByteBuf batch = Unpooled.buffer();
            int[] sizes = {10, 0, 90_000, 300 * 1024, 5, 70_000, 70_000};
            for (int i = 0; i < sizes.length; i++) batch.writeBytes(responseFrame(i + 1, sizes[i]));
            ByteBuf together = Unpooled.buffer();
            SegmentPacker one = new SegmentPacker(codec);
            one.add(batch.duplicate(), together);
            one.flush(together);
            ByteBuf apart = Unpooled.buffer();
            SegmentPacker many = new SegmentPacker(codec);
            for (int i = 0; i < sizes.length; i++) many.add(responseFrame(i + 1, sizes[i]), apart);
            many.flush(apart);
            assertThat(together).isEqualTo(apart);

            List<Frame> decoded = new ArrayList<>();
            FrameAssembler assembler = new FrameAssembler(FrameCodec.DEFAULT_MAX_BODY_LENGTH);
            for (Segment seg : decodeAll(codec, together)) assembler.accept(seg, decoded::add);
            assertThat(decoded).extracting(Frame::streamId).containsExactly(1, 2, 3, 4, 5, 6, 7);
            assertThat(decoded).extracting(Frame::bodyLength).containsExactly(10, 0, 90_000, 300 * 1024, 5, 70_000, 70_000);
        }
    }

    @Test
    void aBufferEndingInPartOfAFrameIsRefused() {
        ByteBuf batch = responseFrame(1, 50);
        batch.writerIndex(batch.writerIndex() - 1);
        assertThatThrownBy(() -> new SegmentPacker(new SegmentCodec(false)).add(batch, Unpooled.buffer()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not whole frames");
    }

    @Test
    void realRequestFramesThroughThePacker() {
        SegmentCodec codec = new SegmentCodec(true);
        SegmentPacker packer = new SegmentPacker(codec);
        ByteBuf wire = Unpooled.buffer();
        ByteBuf frame = Unpooled.buffer();
        FrameCodec.encode(frame, V5, 1, false, null, new Query("SELECT 1", QueryParameters.of(Consistency.ONE, Values.NONE)), null);
        int length = frame.readableBytes();
        packer.add(frame, wire);
        assertThat(frame.isReadable()).as("consumed").isFalse();
        packer.flush(wire);
        assertThat(codec.decode(wire).payload().readableBytes()).isEqualTo(length);
    }

    @Test
    void selfContainedSegmentWithAPartialFrame() {
        ByteBuf frame = responseFrame(1, 50);
        Segment truncated = new Segment(frame.slice(0, 30), true);
        assertThatThrownBy(() -> new FrameAssembler(1000).accept(truncated, f -> { }))
                .isInstanceOf(CodecException.class).hasMessageContaining("partial frame");
        Segment headerOnly = new Segment(frame.slice(0, 5), true);
        assertThatThrownBy(() -> new FrameAssembler(1000).accept(headerOnly, f -> { }))
                .isInstanceOf(CodecException.class).hasMessageContaining("partial frame");
    }

    @Test
    void nonSelfContainedSegmentsMustEndWithTheirFrame() {
        ByteBuf frame = responseFrame(1, 50);
        ByteBuf withExtra = Unpooled.buffer().writeBytes(frame.duplicate()).writeBytes(new byte[] {1, 2, 3});
        FrameAssembler assembler = new FrameAssembler(1000);
        assembler.accept(new Segment(withExtra.slice(0, 40), false), f -> { });
        assertThatThrownBy(() -> assembler.accept(new Segment(withExtra.slice(40, withExtra.readableBytes() - 40), false),
                f -> { })).isInstanceOf(CodecException.class).hasMessageContaining("past the end");
    }

    @Test
    void selfContainedSegmentInTheMiddleOfALargeFrame() {
        ByteBuf frame = responseFrame(1, 50);
        FrameAssembler assembler = new FrameAssembler(1000);
        assembler.accept(new Segment(frame.slice(0, 20), false), f -> { });
        assertThatThrownBy(() -> assembler.accept(new Segment(responseFrame(2, 1), true), f -> { }))
                .isInstanceOf(CodecException.class);
    }

    @Test
    void largeFrameBeyondTheMaxBodyLength() {
        FrameAssembler assembler = new FrameAssembler(100);
        assertThatThrownBy(() -> assembler.accept(new Segment(responseFrame(1, 200).slice(0, 50), false), f -> { }))
                .isInstanceOf(CodecException.class).hasMessageContaining("out of range");
    }

    @Test
    void frameHeaderSplitAcrossSegments() {
        ByteBuf frame = responseFrame(4, 30);
        FrameAssembler assembler = new FrameAssembler(1000);
        List<Frame> decoded = new ArrayList<>();
        assembler.accept(new Segment(frame.slice(0, 4), false), decoded::add);
        assembler.accept(new Segment(frame.slice(4, 20), false), decoded::add);
        assertThat(decoded).isEmpty();
        assembler.accept(new Segment(frame.slice(24, frame.readableBytes() - 24), false), decoded::add);
        assertThat(decoded).extracting(Frame::streamId).containsExactly(4);
    }
}
