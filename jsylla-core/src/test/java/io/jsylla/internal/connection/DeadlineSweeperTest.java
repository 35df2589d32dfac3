package io.jsylla.internal.connection;

import io.jsylla.ConnectionException;
import io.jsylla.RequestTimeoutException;
import io.jsylla.internal.protocol.FrameCodec;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.Ready;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static io.jsylla.internal.connection.ConnectionTesting.Recorder;
import static io.jsylla.internal.connection.ConnectionTesting.RequestFrame;
import static io.jsylla.internal.connection.ConnectionTesting.query;
import static io.jsylla.internal.connection.ConnectionTesting.response;
import static org.assertj.core.api.Assertions.assertThat;

/** Deadlines, swept every few milliseconds in a channel with the request end of the pipeline, on a clock the test moves. */
class DeadlineSweeperTest {
    private static final InetSocketAddress NODE = new InetSocketAddress("127.0.0.1", 9042);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final FrameBatcher batcher = new FrameBatcher(ProtocolVersion.V4);
    private final StreamDispatcher dispatcher = new StreamDispatcher(NODE, 8, batcher);
    private final DeadlineSweeper sweeper = new DeadlineSweeper(dispatcher);
    private final EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(FrameCodec.DEFAULT_MAX_BODY_LENGTH),
            batcher, sweeper, dispatcher);
    private long now = 1_000_000_000L;

    DeadlineSweeperTest() {
        sweeper.clock = () -> now;
    }

    /** Sends a request with a deadline {@code seconds} from now (none for 0); returns its stream id. */
    private int send(Recorder cb, long seconds) {
        InFlightRequest<?> r = query("SELECT 1", cb).deadline(seconds == 0 ? 0 : now + seconds * SECOND);
        ch.writeOutbound(r);
        RequestFrame.readOnly(ch.readOutbound(), null);
        return r.streamId;
    }

    /** Moves the clock by {@code seconds}, then lets one sweep run. */
    private void after(long seconds) {
        now += seconds * SECOND;
        ch.advanceTimeBy(DeadlineSweeper.SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
    }

    @Test
    void aRequestPastItsDeadlineIsToldOnceAndItsIdHeldUntilTheLateAnswer() {
        Recorder late = new Recorder();
        int lateId = send(late, 1);
        Recorder onTime = new Recorder();
        send(onTime, 60);
        Recorder never = new Recorder();
        send(never, 0);

        after(0);
        assertThat(late.calls()).as("before its deadline").isZero();
        after(2);
        assertThat(late.failures).singleElement().isInstanceOf(RequestTimeoutException.class);
        assertThat(onTime.calls()).as("a request within its deadline waits on").isZero();
        assertThat(never.calls()).as("deadline 0: no deadline").isZero();
        assertThat(dispatcher.orphaned()).isEqualTo(1);
        assertThat(dispatcher.inUse()).as("the late request's id stays taken").isEqualTo(3);

        after(2);
        assertThat(late.calls()).as("told once").isEqualTo(1);
        assertThat(dispatcher.orphaned()).isEqualTo(1);

        // The late answer frees the id and reaches no one.
        ch.writeInbound(response(ProtocolVersion.V4, lateId, new Ready()));
        assertThat(late.calls()).isEqualTo(1);
        assertThat(dispatcher.orphaned()).isZero();
        assertThat(dispatcher.inUse()).isEqualTo(2);
    }

    @Test
    void anAbandonedRequestIsNotToldOfItsDeadline() {
        Recorder cb = new Recorder();
        InFlightRequest<?> r = query("SELECT 1", cb).deadline(now + SECOND);
        ch.writeOutbound(r);
        RequestFrame.readOnly(ch.readOutbound(), null);
        r.abandon();
        dispatcher.orphan(r);
        after(2);
        assertThat(cb.calls()).isZero();
        assertThat(dispatcher.orphaned()).as("counted once").isEqualTo(1);
    }

    @Test
    void tooManyTimedOutRequestsCloseTheConnection() {
        // capacity 8: more than 6 ids waiting on answers that never came close the connection
        List<Recorder> late = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Recorder cb = new Recorder();
            late.add(cb);
            send(cb, 1);
        }
        Recorder wanted = new Recorder();
        send(wanted, 60);
        after(2);
        assertThat(late).allSatisfy(cb -> assertThat(cb.failures).singleElement().isInstanceOf(RequestTimeoutException.class));
        assertThat(ch.isOpen()).isFalse();
        assertThat(wanted.failures).singleElement().isInstanceOf(ConnectionException.class);
    }

    @Test
    void aFailingTimeoutCallbackDoesNotStopTheSweep() {
        Recorder throwing = new Recorder() {
            @Override
            public void onTimeout() {
                throw new IllegalStateException("callback bug");
            }
        };
        send(throwing, 1);
        Recorder other = new Recorder();
        send(other, 1);
        after(2);
        assertThat(other.failures).singleElement().isInstanceOf(RequestTimeoutException.class);
        assertThat(dispatcher.orphaned()).isEqualTo(2);
        ch.checkException();
    }

    @Test
    void removedFromThePipelineItStopsSweeping() {
        Recorder cb = new Recorder();
        send(cb, 1);
        ch.pipeline().remove(sweeper);
        after(2);
        assertThat(cb.calls()).isZero();
    }
}
