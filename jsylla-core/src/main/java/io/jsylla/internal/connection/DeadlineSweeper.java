package io.jsylla.internal.connection;

import io.netty.channel.ChannelHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * Times out requests past their deadline: every {@link #SWEEP_MILLIS} it walks the stream ids
 * in use and tells each late request's caller (once); the {@link StreamDispatcher} keeps the id
 * taken until the late answer comes. One sweep per connection rather than a timer entry per
 * request: nothing is allocated or scheduled per request.
 *
 * <p>In the pipeline only for its lifecycle (the sweep starts when it is added and stops when it
 * is removed): it handles no event, so nothing passes through it.
 */
final class DeadlineSweeper extends ChannelHandlerAdapter {
    /** How often pending requests are checked against their deadlines. */
    static final long SWEEP_MILLIS = 10;

    private final StreamDispatcher dispatcher;
    private final IntConsumer expireIfLate = this::expireIfLate;
    /** {@link System#nanoTime()}, as deadlines are; replaced in tests. */
    LongSupplier clock = System::nanoTime;
    private ScheduledFuture<?> sweeper;
    private long now;

    DeadlineSweeper(StreamDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        sweeper = ctx.executor().scheduleAtFixedRate(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (sweeper != null) sweeper.cancel(false);
    }

    /** One pass over the requests waiting; those past their deadline are timed out. Event loop only. */
    void sweep() {
        if (dispatcher.inUse() == 0) return;
        now = clock.getAsLong();
        dispatcher.forEachInUse(expireIfLate);
    }

    private void expireIfLate(int id) {
        InFlightRequest<?> r = dispatcher.awaiting(id);
        if (r == null || r.deadline == 0 || now - r.deadline < 0) return;
        dispatcher.timeOut(id);
    }
}
