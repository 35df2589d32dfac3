package io.jsylla.internal.connection;

import io.jsylla.ConnectionException;
import io.jsylla.Consistency;
import io.jsylla.internal.connection.ConnectionTesting.Recorder;
import io.jsylla.internal.protocol.FrameCodec;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.Query;
import io.jsylla.internal.protocol.QueryParameters;
import io.jsylla.internal.protocol.Values;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

import static io.jsylla.internal.connection.ConnectionTesting.RequestFrame;
import static org.assertj.core.api.Assertions.assertThat;

class WriteCoalescerTest {
    private static final InetSocketAddress NODE = new InetSocketAddress("127.0.0.1", 9042);

    /** Counts flushes reaching the socket end of the pipeline. */
    static final class FlushCounter extends ChannelOutboundHandlerAdapter {
        int flushes;

        @Override
        public void flush(ChannelHandlerContext ctx) {
            flushes++;
            ctx.flush();
        }
    }

    private final FlushCounter flushes = new FlushCounter();
    private final FrameBatcher batcher = new FrameBatcher(ProtocolVersion.V4);
    private final StreamDispatcher handler = new StreamDispatcher(NODE, 64, batcher);
    private final EmbeddedChannel ch = new EmbeddedChannel(flushes,
            new FrameDecoder(FrameCodec.DEFAULT_MAX_BODY_LENGTH), batcher, handler);

    private static InFlightRequest<?> query(String cql, Recorder cb) {
        return InFlightRequest.of(new Query(cql, QueryParameters.of(Consistency.ONE, Values.NONE)), false, null, cb);
    }

    @Test
    void writesEverythingQueuedAsOneBufferWithOneFlush() {
        WriteCoalescer writer = new WriteCoalescer(ch, handler, NODE);
        for (int i = 0; i < 10; i++) writer.write(query("SELECT " + i, new Recorder()));
        assertThat(ch.<Object>readOutbound()).as("written on the event loop, not by the caller").isNull();
        ch.runPendingTasks();
        io.netty.buffer.ByteBuf written = ch.readOutbound();
        for (int i = 0; i < 10; i++) assertThat(RequestFrame.read(written, null).stream()).isEqualTo(i);
        assertThat(written.isReadable()).isFalse();
        written.release();
        assertThat(ch.<Object>readOutbound()).as("one buffer for the ten frames").isNull();
        assertThat(flushes.flushes).isEqualTo(1);

        writer.write(query("SELECT again", new Recorder()));
        ch.runPendingTasks();
        assertThat(RequestFrame.readOnly(ch.readOutbound(), null).stream()).isEqualTo(10);
        assertThat(flushes.flushes).isEqualTo(2);
    }

    @Test
    void aRequestDrainedAfterTheChannelWentAwayIsFailedNotLost() {
        // trySend saw the channel active, but the drain runs after the close removed the handlers
        WriteCoalescer writer = new WriteCoalescer(ch, handler, NODE);
        Recorder cb = new Recorder();
        ch.close();
        assertThat(ch.pipeline().get(StreamDispatcher.class)).isNull();
        writer.write(query("SELECT 1", cb));
        ch.runPendingTasks();
        assertThat(cb.failures).singleElement().isInstanceOf(ConnectionException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("127.0.0.1:9042"));
    }
}
