package io.jsylla.internal.connection;

import io.jsylla.ConnectionException;
import io.jsylla.ProtocolException;
import io.jsylla.internal.protocol.CodecException;
import io.jsylla.internal.protocol.Compressor;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.FrameCodec;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heart of a connection, on its event loop: gives each written request a stream id, encodes
 * it into a frame, and routes each answer back to its request by that id. Server events
 * (stream -1) go to the event listener. When the channel closes, every waiting request fails.
 */
final class InFlightHandler extends ChannelDuplexHandler {
    private static final Logger log = LoggerFactory.getLogger(InFlightHandler.class);

    private final InetSocketAddress node;
    private final StreamIds ids;
    private final InFlightRequest[] pending;
    private final boolean[] orphans;
    private final int maxOrphans;
    private final Heartbeat heartbeat;
    private volatile ProtocolVersion version;
    private volatile Compressor compressor;
    private volatile Consumer<Frame> eventListener = f -> { };
    private Throwable closeCause;
    private String malformed;
    private boolean closed;

    InFlightHandler(InetSocketAddress node, ProtocolVersion version, int maxStreams, Heartbeat heartbeat) {
        this.node = node;
        this.version = version;
        this.ids = new StreamIds(maxStreams);
        this.pending = new InFlightRequest[maxStreams];
        this.orphans = new boolean[maxStreams];
        this.maxOrphans = Math.max(1, maxStreams * 3 / 4);
        this.heartbeat = heartbeat;
    }

    void compressor(Compressor compressor) {
        this.compressor = compressor;
    }

    void eventListener(Consumer<Frame> listener) {
        this.eventListener = listener;
    }

    ProtocolVersion version() {
        return version;
    }

    /** How often pending requests are checked against their deadlines. */
    static final long SWEEP_MILLIS = 10;
    private io.netty.util.concurrent.ScheduledFuture<?> sweeper;
    private final java.util.function.IntConsumer expireIfLate = this::expireIfLate;
    private long now;
    private ChannelHandlerContext context;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
        // One sweep per connection instead of a timer entry per request: no allocation per request.
        sweeper = ctx.executor().scheduleAtFixedRate(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (sweeper != null) sweeper.cancel(false);
    }

    private void sweep() {
        if (ids.inUse() == 0) return;
        now = System.nanoTime();
        ids.forEachInUse(expireIfLate);
    }

    private void expireIfLate(int id) {
        InFlightRequest r = pending[id];
        if (r == null || orphans[id] || r.deadline == 0 || now - r.deadline < 0) return;
        // Past its deadline: the caller is told now; the id stays taken until the late answer comes.
        orphans[id] = true;
        ids.orphan();
        try {
            r.expire();
        } catch (RuntimeException e) {
            log.error("{}: timeout callback failed", node, e);
        }
        if (ids.orphaned() > maxOrphans && context != null) {
            log.warn("{}: {} stream ids wait on answers that never came; closing the connection", node, ids.orphaned());
            context.close();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof InFlightRequest r)) {
            ctx.write(msg, promise);
            return;
        }
        if (r.isCancelled()) {
            fail(r, new ConnectionException(node, "request cancelled before it was written", null));
            return;
        }
        if (closed) {
            fail(r, new ConnectionException(node, "connection closed", closeCause));
            return;
        }
        int id = ids.acquire();
        if (id < 0) {
            fail(r, new ConnectionException(node, "no free stream id (" + ids.capacity() + " in flight)", null));
            return;
        }
        ByteBuf frame = ctx.alloc().ioBuffer();
        try {
            FrameCodec.encode(frame, version, id, r.tracing, r.customPayload, r.request, compressor);
        } catch (RuntimeException e) {
            frame.release();
            ids.release(id);
            fail(r, e);
            return;
        }
        r.streamId = id;
        pending[id] = r;
        ctx.write(frame, promise);
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
        InFlightRequest r = id < pending.length ? pending[id] : null;
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

    /** The request was abandoned: keep its id taken until the late answer comes, and count it. */
    void orphan(ChannelHandlerContext ctx, InFlightRequest r) {
        int id = r.streamId;
        if (id < 0 || pending[id] != r || orphans[id]) return;
        orphans[id] = true;
        ids.orphan();
        if (ids.orphaned() > maxOrphans) {
            log.warn("{}: {} stream ids wait on answers that never came; closing the connection", node, ids.orphaned());
            ctx.close();
        }
    }


    int inUse() {
        return ids.inUse();
    }

    int orphaned() {
        return ids.orphaned();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent idle && heartbeat != null) {
            heartbeat.onIdle(ctx, idle);
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause instanceof io.netty.handler.codec.DecoderException && cause.getCause() != null ? cause.getCause() : cause;
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
        closed = true;
        for (int id = 0; id < pending.length; id++) {
            InFlightRequest r = pending[id];
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

    private void fail(InFlightRequest r, Throwable error) {
        try {
            r.fail(error);
        } catch (RuntimeException e) {
            log.error("{}: failure callback failed", node, e);
        }
    }
}
