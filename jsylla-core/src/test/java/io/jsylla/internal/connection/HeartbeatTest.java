package io.jsylla.internal.connection;

import io.jsylla.internal.protocol.FrameCodec;
import io.jsylla.internal.protocol.Opcode;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.Supported;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.jsylla.internal.connection.ConnectionTesting.RequestFrame;
import static io.jsylla.internal.connection.ConnectionTesting.response;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heartbeats and the idle close through the pipeline's request end (idle watch, decoder, batcher,
 * dispatcher), on a clock the test moves: the OPTIONS takes a stream id, and its answer frees it.
 */
class HeartbeatTest {
    private static final InetSocketAddress NODE = new InetSocketAddress("127.0.0.1", 9042);
    private static final long BEAT = TimeUnit.SECONDS.toNanos(30);
    private static final long IDLE = TimeUnit.SECONDS.toNanos(60);

    private final IdleWatch watch = new IdleWatch(new Heartbeat(NODE));
    private final FrameBatcher batcher = new FrameBatcher(ProtocolVersion.V4);
    private final StreamDispatcher handler = new StreamDispatcher(NODE, 16, batcher);
    private final EmbeddedChannel ch = new EmbeddedChannel(watch, new FrameDecoder(FrameCodec.DEFAULT_MAX_BODY_LENGTH),
            batcher, handler);
    private long now = 1_000_000_000L;

    @BeforeEach
    void startIdleChecks() {
        watch.clock = () -> now;
        watch.start(IDLE, BEAT);
    }

    /** Moves the watch's clock, then lets one tick run. */
    private void at(long secondsFromStart) {
        now = 1_000_000_000L + TimeUnit.SECONDS.toNanos(secondsFromStart);
        ch.advanceTimeBy(IdleWatch.tickNanos(IDLE, BEAT), TimeUnit.NANOSECONDS);
        ch.runScheduledPendingTasks();
    }

    private RequestFrame written() {
        io.netty.buffer.ByteBuf out = ch.readOutbound();
        return out == null ? null : RequestFrame.readOnly(out, null);
    }

    @Test
    void silenceForTheIntervalSendsOptionsAndItsAnswerFreesTheId() {
        at(29);
        assertThat(written()).as("within the interval").isNull();
        at(30);
        RequestFrame f = written();
        assertThat(f.opcode()).isEqualTo(Opcode.OPTIONS);
        assertThat(f.body().readableBytes()).isZero();
        assertThat(handler.inUse()).isEqualTo(1);

        ch.writeInbound(response(ProtocolVersion.V4, f.stream(), new Supported(Map.of("CQL_VERSION", List.of("3.0.0")))));
        assertThat(handler.inUse()).isZero();
        at(31);
        assertThat(written()).isNull();
        at(61);
        assertThat(written().opcode()).as("silence again for an interval").isEqualTo(Opcode.OPTIONS);
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void trafficPostponesTheHeartbeat() {
        at(20);
        ch.writeInbound(response(ProtocolVersion.V4, -1, new Supported(Map.of()))); // any frame counts as traffic
        at(21);
        at(45);
        assertThat(written()).as("last traffic 24 s ago").isNull();
        at(51);
        assertThat(written().opcode()).isEqualTo(Opcode.OPTIONS);
    }

    @Test
    void nothingReceivedForTheIdleTimeoutClosesTheChannel() {
        at(30);
        assertThat(written().opcode()).isEqualTo(Opcode.OPTIONS); // unanswered
        at(59);
        assertThat(ch.isOpen()).isTrue();
        at(60);
        assertThat(ch.isOpen()).as("our own heartbeats do not count: only answers do").isFalse();
    }
}
