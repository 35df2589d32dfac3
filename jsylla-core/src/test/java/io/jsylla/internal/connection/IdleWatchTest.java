package io.jsylla.internal.connection;

import io.jsylla.internal.protocol.Options;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Silence noticed by the idle watch alone in a channel, on a clock the test moves: the
 * {@link Heartbeat}'s OPTIONS comes out of the channel as the request itself (no dispatcher
 * behind to encode it).
 */
class IdleWatchTest {
    private static final InetSocketAddress NODE = new InetSocketAddress("127.0.0.1", 9042);
    private static final long BEAT = TimeUnit.SECONDS.toNanos(30);
    private static final long IDLE = TimeUnit.SECONDS.toNanos(60);
    private static final long START = 1_000_000_000L;

    private final IdleWatch watch = new IdleWatch(new Heartbeat(NODE));
    private final EmbeddedChannel ch = new EmbeddedChannel(watch);
    private long now = START;

    IdleWatchTest() {
        watch.clock = () -> now;
    }

    /** Moves the watch's clock to {@code seconds} after the start, then lets one tick run. */
    private void at(long seconds) {
        now = START + TimeUnit.SECONDS.toNanos(seconds);
        ch.advanceTimeBy(IdleWatch.tickNanos(IDLE, BEAT), TimeUnit.NANOSECONDS);
        ch.runScheduledPendingTasks();
    }

    /** Whether a heartbeat went out since the last call. */
    private boolean beat() {
        Object out = ch.readOutbound();
        if (out == null) return false;
        assertThat(out).isInstanceOf(InFlightRequest.class);
        assertThat(((InFlightRequest<?>) out).request()).isSameAs(Options.INSTANCE);
        assertThat(ch.<Object>readOutbound()).as("one heartbeat at a time").isNull();
        return true;
    }

    /** Something came from the socket: one read, completed. */
    private void read() {
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {1}));
        ch.<ByteBuf>readInbound().release();
    }

    @Test
    void silenceForTheIntervalSendsAHeartbeat() {
        watch.start(IDLE, BEAT);
        at(29);
        assertThat(beat()).as("within the interval").isFalse();
        at(30);
        assertThat(beat()).isTrue();
        at(31);
        assertThat(beat()).as("the heartbeat itself is traffic").isFalse();
        read(); // its answer
        at(32);
        at(61);
        assertThat(beat()).as("last traffic 29 s ago").isFalse();
        at(62);
        assertThat(beat()).isTrue();
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void readsAndWritesBothPostponeTheHeartbeat() {
        watch.start(IDLE, BEAT);
        at(20);
        read();
        at(21);
        at(45);
        assertThat(beat()).as("last read 24 s ago").isFalse();
        ch.writeOutbound("a written batch");
        assertThat(ch.<Object>readOutbound()).isEqualTo("a written batch");
        at(46);
        at(75);
        assertThat(beat()).as("last write 29 s ago").isFalse();
        at(76);
        assertThat(beat()).isTrue();
    }

    @Test
    void nothingReadForTheIdleTimeoutClosesTheChannelWhateverWasWritten() {
        watch.start(IDLE, BEAT);
        at(30);
        assertThat(beat()).isTrue(); // never answered
        for (int s = 31; s < 60; s += 5) {
            ch.writeOutbound("requests keep going out");
            ch.readOutbound();
            at(s);
        }
        at(59);
        assertThat(ch.isOpen()).isTrue();
        at(60);
        assertThat(ch.isOpen()).as("only reads count against the idle timeout").isFalse();
    }

    @Test
    void nothingIsCheckedBeforeTheStart() {
        now += TimeUnit.HOURS.toNanos(1);
        ch.advanceTimeBy(1, TimeUnit.HOURS);
        ch.runScheduledPendingTasks();
        assertThat(ch.<Object>readOutbound()).isNull();
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void bothChecksOffSchedulesNothing() {
        watch.start(0, 0);
        now += TimeUnit.HOURS.toNanos(1);
        ch.advanceTimeBy(1, TimeUnit.HOURS);
        ch.runScheduledPendingTasks();
        assertThat(ch.<Object>readOutbound()).isNull();
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void theTickIsATenthOfTheShorterIntervalWithinBounds() {
        assertThat(IdleWatch.tickNanos(IDLE, BEAT)).isEqualTo(IdleWatch.MAX_TICK_NANOS);
        assertThat(IdleWatch.tickNanos(TimeUnit.MILLISECONDS.toNanos(400), TimeUnit.MILLISECONDS.toNanos(200)))
                .isEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
        assertThat(IdleWatch.tickNanos(0, TimeUnit.MILLISECONDS.toNanos(500))).isEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        assertThat(IdleWatch.tickNanos(TimeUnit.MILLISECONDS.toNanos(20), 0)).isEqualTo(IdleWatch.MIN_TICK_NANOS);
    }

    @Test
    void removedFromThePipelineItStopsTicking() {
        watch.start(IDLE, BEAT);
        ch.pipeline().remove(watch);
        at(30);
        at(90);
        assertThat(ch.<Object>readOutbound()).isNull();
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void startedAfterRemovalItSchedulesNothing() {
        ch.pipeline().remove(watch);
        watch.start(IDLE, BEAT);
        at(30);
        at(90);
        assertThat(ch.<Object>readOutbound()).isNull();
        assertThat(ch.isOpen()).isTrue();
    }
}
