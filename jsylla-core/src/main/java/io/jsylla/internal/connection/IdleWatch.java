package io.jsylla.internal.connection;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Notices silence, and lets the {@link Heartbeat} act on it: an OPTIONS after {@code beatNanos}
 * with no traffic either way, a close after {@code idleNanos} with nothing read.
 *
 * <p>It sits next to the socket, where it sees one write per flushed batch and one
 * read-complete per socket read, never a single request or answer: these only set a flag, and a
 * periodic tick (a few per interval) turns the flags into times. Rather than an IdleStateHandler,
 * which would wrap every write's promise in a listener and reschedule on every event.
 *
 * <p>Nothing is checked until {@link #start} (after the handshake). Event loop only.
 */
final class IdleWatch extends ChannelDuplexHandler {
    /** Bounds of the tick: a tenth of the shorter interval, within these. */
    static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    static final long MAX_TICK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Heartbeat heartbeat;
    /** {@link System#nanoTime()}; replaced in tests. */
    LongSupplier clock = System::nanoTime;
    private ChannelHandlerContext context;
    private ScheduledFuture<?> ticker;
    private boolean readSeen;
    private boolean writeSeen;
    private long lastRead;
    private long lastActivity;
    private long idleNanos;  // nothing read for this long closes the connection; 0 off
    private long beatNanos;  // no traffic either way for this long sends a heartbeat; 0 off

    IdleWatch(Heartbeat heartbeat) {
        this.heartbeat = heartbeat;
    }

    /** How often the watch looks, for silences of these lengths (0 for off). */
    static long tickNanos(long idleNanos, long beatNanos) {
        long shortest = Math.min(idleNanos > 0 ? idleNanos : Long.MAX_VALUE, beatNanos > 0 ? beatNanos : Long.MAX_VALUE);
        return Math.max(MIN_TICK_NANOS, Math.min(MAX_TICK_NANOS, shortest / 10));
    }

    /**
     * Starts watching: a heartbeat every {@code beatNanos} of silence, a close after
     * {@code idleNanos} without reads (either 0 for off). Event loop only; once.
     */
    void start(long idleNanos, long beatNanos) {
        long t = clock.getAsLong();
        lastRead = t;
        lastActivity = t;
        this.idleNanos = idleNanos;
        this.beatNanos = beatNanos;
        ChannelHandlerContext ctx = context;
        if (ctx == null || ctx.isRemoved() || ticker != null || (idleNanos <= 0 && beatNanos <= 0)) return;
        long tick = tickNanos(idleNanos, beatNanos);
        ticker = ctx.executor().scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.NANOSECONDS);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (ticker != null) ticker.cancel(false);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        readSeen = true;
        ctx.fireChannelReadComplete();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        writeSeen = true;
        ctx.write(msg, promise);
    }

    /** One look: turns the flags into times, then beats or closes if the silence was long enough. */
    void tick() {
        long t = clock.getAsLong();
        if (readSeen) {
            lastRead = t;
            lastActivity = t;
            readSeen = false;
        }
        if (writeSeen) {
            lastActivity = t;
            writeSeen = false;
        }
        if (context == null) return;
        if (idleNanos > 0 && t - lastRead >= idleNanos) {
            lastRead = t;
            heartbeat.onReaderIdle(context);
        } else if (beatNanos > 0 && t - lastActivity >= beatNanos) {
            lastActivity = t;
            heartbeat.onAllIdle(context);
        }
    }
}
