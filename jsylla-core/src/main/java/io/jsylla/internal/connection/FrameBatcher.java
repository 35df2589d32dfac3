package io.jsylla.internal.connection;

import io.jsylla.internal.protocol.Compressor;
import io.jsylla.internal.protocol.FrameCodec;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Request frames, encoded back to back into one pooled heap buffer per flush: one allocation and
 * one trip down the pipeline per flush, not per request, and plain array stores while encoding
 * (the socket write then copies it off-heap in one go). The {@link StreamDispatcher} hands it
 * each request with its stream id by a direct call ({@link #encode}); the pipeline brings it the
 * flush, which writes the batch. A batch past {@link #MAX_BATCH_BYTES} is written at once, so
 * that memory stays bounded. Anything else written goes after the frames encoded before it.
 *
 * <p>Event loop only.
 */
final class FrameBatcher extends ChannelDuplexHandler {
    /** A batch this large goes down the pipeline before the flush. */
    static final int MAX_BATCH_BYTES = 256 * 1024;

    private final ProtocolVersion version;
    private volatile Compressor compressor;
    private ChannelHandlerContext context;
    private ByteBuf batch;

    FrameBatcher(ProtocolVersion version) {
        this.version = version;
    }

    /** Request bodies are compressed with this from now on (v4, after STARTUP). */
    void compressor(Compressor compressor) {
        this.compressor = compressor;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    /**
     * Encodes the request's frame on stream {@code id} into the batch; the next flush writes it.
     * If encoding fails it throws, and the batch is left as it was.
     */
    void encode(InFlightRequest<?> r, int id) {
        if (batch == null) batch = context.alloc().heapBuffer(4096);
        FrameCodec.encode(batch, version, id, r.tracing(), r.customPayload(), r.request(), compressor);
    }

    /** Writes the batch now if it grew past {@link #MAX_BATCH_BYTES}. */
    void writeIfFull() {
        if (batch != null && batch.readableBytes() >= MAX_BATCH_BYTES) writeBatch(context);
    }

    /** Bytes encoded and not yet written. */
    int pendingBytes() {
        return batch == null ? 0 : batch.readableBytes();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        writeBatch(ctx); // keep the order of everything written
        ctx.write(msg, promise);
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        writeBatch(ctx);
        ctx.flush();
    }

    private void writeBatch(ChannelHandlerContext ctx) {
        ByteBuf b = batch;
        if (b == null) return;
        batch = null;
        if (b.isReadable()) ctx.write(b, ctx.voidPromise());
        else b.release();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        release(); // never to be written: its requests fail in the dispatcher
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        release();
    }

    private void release() {
        if (batch != null) {
            batch.release();
            batch = null;
        }
    }
}
