package io.jsylla.internal.connection;

import io.jsylla.Consistency;
import io.jsylla.internal.protocol.FrameFlags;
import io.jsylla.internal.protocol.Lz4Compressor;
import io.jsylla.internal.protocol.Opcode;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.Query;
import io.jsylla.internal.protocol.QueryParameters;
import io.jsylla.internal.protocol.Request;
import io.jsylla.internal.protocol.Values;
import io.jsylla.internal.protocol.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static io.jsylla.internal.connection.ConnectionTesting.Recorder;
import static io.jsylla.internal.connection.ConnectionTesting.RequestFrame;
import static io.jsylla.internal.connection.ConnectionTesting.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Request frames encoded back to back into one buffer per flush, alone in a channel. */
class FrameBatcherTest {
    private final FrameBatcher batcher = new FrameBatcher(ProtocolVersion.V4);
    private final EmbeddedChannel ch = new EmbeddedChannel(batcher);

    private void encode(String cql, int id) {
        batcher.encode(query(cql, new Recorder()), id);
        batcher.writeIfFull();
    }

    /** Every request frame in {@code out}, which is released. */
    private static List<RequestFrame> frames(ByteBuf out) {
        List<RequestFrame> frames = new ArrayList<>();
        RequestFrame f;
        while ((f = RequestFrame.read(out, null)) != null) frames.add(f);
        assertThat(out.isReadable()).as("bytes after the last frame").isFalse();
        out.release();
        return frames;
    }

    @Test
    void framesEncodedBetweenFlushesGoOutAsOneBuffer() {
        for (int id = 0; id < 5; id++) encode("SELECT " + id, id);
        assertThat(ch.<Object>readOutbound()).as("nothing before the flush").isNull();
        assertThat(batcher.pendingBytes()).isPositive();
        ch.flushOutbound();
        List<RequestFrame> frames = frames(ch.readOutbound());
        assertThat(frames).extracting(RequestFrame::stream).containsExactly(0, 1, 2, 3, 4);
        assertThat(frames).extracting(RequestFrame::query).containsExactly("SELECT 0", "SELECT 1", "SELECT 2", "SELECT 3", "SELECT 4");
        assertThat(ch.<Object>readOutbound()).as("one buffer for the five frames").isNull();
        assertThat(batcher.pendingBytes()).isZero();

        ch.flushOutbound();
        assertThat(ch.<Object>readOutbound()).as("an empty flush writes nothing").isNull();
        encode("SELECT again", 5);
        ch.flushOutbound();
        assertThat(frames(ch.readOutbound())).extracting(RequestFrame::stream).containsExactly(5);
    }

    @Test
    void otherWritesKeepTheirPlaceAmongTheFrames() {
        encode("SELECT 0", 0);
        encode("SELECT 1", 1);
        ch.write("marker");
        encode("SELECT 2", 2);
        ch.flushOutbound();
        assertThat(frames(ch.readOutbound())).extracting(RequestFrame::stream).containsExactly(0, 1);
        assertThat(ch.<Object>readOutbound()).isEqualTo("marker");
        assertThat(frames(ch.readOutbound())).extracting(RequestFrame::stream).containsExactly(2);
        assertThat(ch.<Object>readOutbound()).isNull();
    }

    @Test
    void aBatchPastItsBoundIsWrittenBeforeTheFlush() {
        String big = "SELECT '" + "x".repeat(64 * 1024) + "'";
        for (int id = 0; id < 3; id++) encode(big, id);
        assertThat(batcher.pendingBytes()).isLessThan(FrameBatcher.MAX_BATCH_BYTES);
        assertThat(ch.unsafe().outboundBuffer().totalPendingWriteBytes()).as("nothing written yet").isZero();
        encode(big, 3);
        assertThat(batcher.pendingBytes()).as("the batch went down the pipeline").isZero();
        assertThat(ch.unsafe().outboundBuffer().totalPendingWriteBytes()).isGreaterThanOrEqualTo(FrameBatcher.MAX_BATCH_BYTES);
        encode("SELECT small", 4);
        ch.flushOutbound();
        ByteBuf early = ch.readOutbound();
        assertThat(frames(early)).extracting(RequestFrame::stream).containsExactly(0, 1, 2, 3);
        assertThat(frames(ch.readOutbound())).extracting(RequestFrame::stream).containsExactly(4);
        assertThat(ch.<Object>readOutbound()).isNull();
    }

    @Test
    void tracingCustomPayloadAndCompressionShowInTheFrame() {
        batcher.compressor(Lz4Compressor.INSTANCE);
        InFlightRequest<?> r = InFlightRequest.of(new Query("SELECT 1", QueryParameters.of(Consistency.ONE, Values.NONE)),
                true, Map.of("k", ByteBuffer.wrap(new byte[] {1, 2})), new Recorder());
        batcher.encode(r, 3);
        ch.flushOutbound();
        RequestFrame f = RequestFrame.readOnly(ch.readOutbound(), Lz4Compressor.INSTANCE);
        assertThat(f.version()).isEqualTo(4);
        assertThat(f.stream()).isEqualTo(3);
        assertThat(f.opcode()).isEqualTo(Opcode.QUERY);
        assertThat(f.flags()).isEqualTo(FrameFlags.TRACING | FrameFlags.CUSTOM_PAYLOAD | FrameFlags.COMPRESSED);
        assertThat(Wire.readBytesMap(f.body())).containsOnlyKeys("k");
        assertThat(Wire.readLongString(f.body())).isEqualTo("SELECT 1");
    }

    @Test
    void aFrameThatFailsToEncodeLeavesTheBatchAsItWas() {
        encode("SELECT 0", 0);
        int before = batcher.pendingBytes();
        InFlightRequest<?> broken = InFlightRequest.of(ConnectionTesting.unencodable(), false, null, new Recorder());
        assertThatThrownBy(() -> batcher.encode(broken, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(batcher.pendingBytes()).isEqualTo(before);
        ch.flushOutbound();
        assertThat(frames(ch.readOutbound())).extracting(RequestFrame::stream).containsExactly(0);
    }

    @Test
    void anUnwrittenBatchIsReleasedWhenTheChannelCloses() {
        encode("SELECT 0", 0);
        assertThat(batcher.pendingBytes()).isPositive();
        ch.close();
        assertThat(batcher.pendingBytes()).isZero();
        assertThat(ch.<Object>readOutbound()).isNull();
    }
}
