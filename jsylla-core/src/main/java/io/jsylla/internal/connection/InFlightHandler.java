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
    private final InFlightRequest<?>[] pending;
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
        this.pending = new InFlightRequest<?>[maxStreams];
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

    /** How often pending requests are checked against their deadlines, and the connection for idleness. */
    static final long SWEEP_MILLIS = 10;
    private io.netty.util.concurrent.ScheduledFuture<?> sweeper;
    private final java.util.function.IntConsumer expireIfLate = this::expireIfLate;
    private long now;
    private ChannelHandlerContext context;
    /** {@link System#nanoTime()}; replaced in tests. */
    java.util.function.LongSupplier clock = System::nanoTime;
    // Idleness, tracked here rather than by an IdleStateHandler, which would wrap every write's
    // promise in a listener: a read or write only sets a flag; the sweep turns flags into times.
    private boolean readSeen;
    private boolean writeSeen;
    private long lastRead;
    private long lastActivity;
    private long idleNanos;  // no answer for this long closes the connection; 0 off
    private long beatNanos;  // no traffic either way for this long sends a heartbeat; 0 off

    /** Starts watching for idleness (after the handshake): heartbeats every {@code beatNanos} of silence, a close after {@code idleNanos} without answers. Event loop only. */
    void idleChecks(long idleNanos, long beatNanos) {
        long t = clock.getAsLong();
        lastRead = t;
        lastActivity = t;
        this.idleNanos = idleNanos;
        this.beatNanos = beatNanos;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
        // One sweep per connection instead of a timer entry per request: no allocation per request.
        sweeper = ctx.executor().scheduleAtFixedRate(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (sweeper != null) sweeper.cancel(false);
        if (batch != null) {
            batch.release();
            batch = null;
        }
    }

    private void sweep() {
        long t = clock.getAsLong();
        checkIdle(t);
        if (ids.inUse() == 0) return;
        now = t;
        ids.forEachInUse(expireIfLate);
    }

    private void checkIdle(long t) {
        if (readSeen) {
            lastRead = t;
            lastActivity = t;
            readSeen = false;
        }
        if (writeSeen) {
            lastActivity = t;
            writeSeen = false;
        }
        if (heartbeat == null || context == null) return;
        if (idleNanos > 0 && t - lastRead >= idleNanos) {
            lastRead = t;
            heartbeat.onReaderIdle(context);
        } else if (beatNanos > 0 && t - lastActivity >= beatNanos) {
            lastActivity = t;
            heartbeat.onAllIdle(context);
        }
    }

    private void expireIfLate(int id) {
        InFlightRequest<?> r = pending[id];
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

    /**
     * Request frames written since the last flush, encoded back to back into one pooled heap
     * buffer: one allocation and one trip down the pipeline per flush, not per request, and
     * plain array stores while encoding (the socket write then copies it off-heap in one go).
     */
    private ByteBuf batch;
    /** A batch this large goes down the pipeline before the flush, so that memory stays bounded. */
    static final int MAX_BATCH_BYTES = 256 * 1024;

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof InFlightRequest<?> r)) {
            writeBatch(ctx); // keep the order of everything written
            ctx.write(msg, promise);
            return;
        }
        // Requests are written with the void promise: a failed socket write closes the channel,
        // which fails every request still waiting. A real promise only learns the frame was queued.
        if (!promise.isVoid()) promise.trySuccess();
        send(ctx, r);
    }

    /**
     * Gives the request a stream id and encodes its frame into the batch; the next flush writes
     * it. The write coalescer calls this directly on the event loop, skipping the pipeline's
     * per-message hop: this handler is the pipeline's last.
     */
    void send(InFlightRequest<?> r) {
        send(context, r);
    }

    private void send(ChannelHandlerContext ctx, InFlightRequest<?> r) {
        if (r.isAbandoned()) {
            fail(r, new ConnectionException(node, "request cancelled before it was written", null));
            return;
        }
        if (closed || ctx == null) {
            fail(r, new ConnectionException(node, "connection closed", closeCause));
            return;
        }
        int id = ids.acquire();
        if (id < 0) {
            fail(r, new ConnectionException(node, "no free stream id (" + ids.capacity() + " in flight)", null));
            return;
        }
        if (batch == null) batch = ctx.alloc().heapBuffer(4096);
        try {
            FrameCodec.encode(batch, version, id, r.tracing(), r.customPayload(), r.request(), compressor);
        } catch (RuntimeException e) {
            ids.release(id); // the batch is left as it was
            fail(r, e);
            return;
        }
        r.streamId = id;
        pending[id] = r;
        writeSeen = true;
        if (batch.readableBytes() >= MAX_BATCH_BYTES) writeBatch(ctx);
    }

    private void writeBatch(ChannelHandlerContext ctx) {
        ByteBuf b = batch;
        if (b == null) return;
        batch = null;
        if (b.isReadable()) ctx.write(b, ctx.voidPromise());
        else b.release();
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        writeBatch(ctx);
        ctx.flush();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Frame frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        readSeen = true;
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

    /** The request was abandoned: keep its id taken until the late answer comes, and count it. */
    void orphan(ChannelHandlerContext ctx, InFlightRequest<?> r) {
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
        if (batch != null) {
            batch.release(); // never to be written: its requests fail below
            batch = null;
        }
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
