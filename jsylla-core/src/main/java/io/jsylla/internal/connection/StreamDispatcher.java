package io.jsylla.internal.connection;

import io.jsylla.ConnectionException;
import io.jsylla.ProtocolException;
import io.jsylla.internal.protocol.CodecException;
import io.jsylla.internal.protocol.Frame;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderException;
import java.net.InetSocketAddress;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's last handler: stream ids and the table of requests waiting for answers. A
 * written request takes a free id and goes to the {@link FrameBatcher} to be encoded (a direct
 * call, no pipeline hop); each answer is routed back to its request by that id. Server events
 * (stream -1) go to the event listener. An abandoned request keeps its id until its late answer
 * comes (too many such orphans close the connection). When the channel closes, every waiting
 * request fails, naming the node (and the malformed frame, when that was the cause).
 *
 * <p>Confined to the event loop: {@link StreamIds} and the table take no locks.
 */
final class StreamDispatcher extends ChannelDuplexHandler {
    private static final Logger log = LoggerFactory.getLogger(StreamDispatcher.class);

    private final InetSocketAddress node;
    private final FrameBatcher batcher;
    private final StreamIds ids;
    private final InFlightRequest<?>[] pending;
    private final boolean[] orphans;
    private Runnable orphanListener = () -> { };
    private final int maxOrphans;
    private volatile Consumer<Frame> eventListener = f -> { };
    private ChannelHandlerContext context;
    private Throwable closeCause;
    private String malformed;
    private boolean closed;

    StreamDispatcher(InetSocketAddress node, int maxStreams, FrameBatcher batcher) {
        this.node = node;
        this.batcher = batcher;
        this.ids = new StreamIds(maxStreams);
        this.pending = new InFlightRequest<?>[maxStreams];
        this.orphans = new boolean[maxStreams];
        this.maxOrphans = Math.max(1, maxStreams * 3 / 4);
    }

    void eventListener(Consumer<Frame> listener) {
        this.eventListener = listener;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof InFlightRequest<?> r)) {
            ctx.write(msg, promise); // the batcher writes the frames before it first: the order is kept
            return;
        }
        // Requests are written with the void promise: a failed socket write closes the channel,
        // which fails every request still waiting. A real promise only learns the frame was queued.
        if (!promise.isVoid()) promise.trySuccess();
        send(r);
    }

    /**
     * Gives the request a stream id and hands it to the batcher, whose next flush writes it. The
     * write coalescer calls this directly on the event loop, skipping the pipeline's per-message
     * hop: this handler is the pipeline's last.
     */
    void send(InFlightRequest<?> r) {
        if (r.isAbandoned()) {
            fail(r, new ConnectionException(node, "request cancelled before it was written", null));
            return;
        }
        if (closed || context == null) {
            fail(r, new ConnectionException(node, "connection closed", closeCause));
            return;
        }
        assert context.executor().inEventLoop() : "stream ids are confined to the event loop";
        int id = ids.acquire();
        if (id < 0) {
            fail(r, new ConnectionException(node, "no free stream id (" + ids.capacity() + " in flight)", null));
            return;
        }
        try {
            batcher.encode(r, id);
        } catch (RuntimeException e) {
            ids.release(id); // the batch is left as it was
            fail(r, e);
            return;
        }
        r.streamId = id;
        pending[id] = r;
        batcher.writeIfFull(); // after the request is waiting: a write failing at once closes, and fails it
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Frame frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        int id = frame.streamId();
        if (id < 0) {
            try {
                eventListener.accept(frame);
            } catch (RuntimeException e) {
                log.error("{}: event listener failed", node, e); // an event must not cost the connection
            }
            return;
        }
        InFlightRequest<?> r = id < pending.length ? pending[id] : null;
        if (r == null) {
            log.warn("{}: answer on stream {} that no request is waiting for; dropped", node, id);
            return;
        }
        pending[id] = null;
        ids.release(id);
        if (orphans[id]) {
            orphans[id] = false;
            ids.unorphan();
        }
        try {
            r.deliver(frame);
        } catch (RuntimeException e) {
            log.error("{}: response callback failed", node, e);
        }
    }

    /** The request was abandoned: keep its id taken until the late answer comes, and count it. Event loop only. */
    void orphan(InFlightRequest<?> r) {
        int id = r.streamId;
        if (id < 0 || id >= pending.length || pending[id] != r || orphans[id]) return;
        markOrphan(id);
    }

    /** Calls {@code action} with every stream id taken (by a waiting request or an orphan), for the {@link DeadlineSweeper}. */
    void forEachInUse(IntConsumer action) {
        ids.forEachInUse(action);
    }

    /** The request waiting on {@code id}, or null when none does or its answer will be dropped (an orphan). */
    InFlightRequest<?> awaiting(int id) {
        return orphans[id] ? null : pending[id];
    }

    /**
     * The request on {@code id} is past its deadline: its caller is told now; the id stays taken
     * until the late answer comes.
     */
    void timeOut(int id) {
        InFlightRequest<?> r = awaiting(id);
        if (r == null) return;
        orphans[id] = true;
        ids.orphan();
        try {
            r.expire();
        } catch (RuntimeException e) {
            log.error("{}: timeout callback failed", node, e);
        }
        closeIfTooManyOrphans();
    }

    private void markOrphan(int id) {
        orphans[id] = true;
        ids.orphan();
        closeIfTooManyOrphans();
    }

    /** Told (on the event loop) whenever a request becomes an orphan: a draining connection may close then. */
    void onOrphan(Runnable listener) {
        this.orphanListener = listener;
    }

    private void closeIfTooManyOrphans() {
        orphanListener.run();
        if (ids.orphaned() > maxOrphans && context != null) {
            log.warn("{}: {} stream ids wait on answers that never came; closing the connection", node, ids.orphaned());
            context.close();
        }
    }

    int inUse() {
        return ids.inUse();
    }

    int orphaned() {
        return ids.orphaned();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (closeCause == null) {
            // A malformed frame is the node breaking the protocol: say so, not just "connection closed".
            closeCause = cause;
            if (root instanceof CodecException) malformed = root.getMessage();
        }
        log.debug("{}: closing connection after error", node, cause);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        closed = true; // the batcher, nearer the socket, already dropped its unwritten batch
        for (int id = 0; id < pending.length; id++) {
            InFlightRequest<?> r = pending[id];
            if (r != null) {
                pending[id] = null;
                orphans[id] = false;
                fail(r, closeError()); // one instance per request: callers attach their own stack to it
            }
        }
        super.channelInactive(ctx);
    }

    private RuntimeException closeError() {
        if (malformed != null) return new ProtocolException(node, "malformed frame: " + malformed);
        return new ConnectionException(node, closeCause == null ? "connection closed" : "connection closed: "
                + closeCause.getMessage(), closeCause);
    }

    private void fail(InFlightRequest<?> r, Throwable error) {
        try {
            r.deliverFailure(error);
        } catch (RuntimeException e) {
            log.error("{}: failure callback failed", node, e);
        }
    }
}
