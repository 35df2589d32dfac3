package io.jsylla.internal.connection;

import io.jsylla.internal.protocol.SegmentCodec;
import io.jsylla.internal.protocol.SegmentPacker;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Protocol v5: packs the frames written between two flushes (buffers of whole frames, back to
 * back) into as few segments as they fit (128 KiB each), so a burst of small requests costs one
 * checksum and one write.
 */
final class SegmentEncoder extends ChannelOutboundHandlerAdapter {
    private final SegmentPacker packer;
    private ByteBuf pending;

    SegmentEncoder(SegmentCodec codec) {
        this.packer = new SegmentPacker(codec);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf frames)) {
            ctx.write(msg, promise);
            return;
        }
        try {
            if (pending == null) pending = ctx.alloc().ioBuffer();
            packer.add(frames, pending);
        } finally {
            frames.release();
        }
        // Frames are written with the void promise; a failed socket write closes the channel,
        // which fails every request still waiting.
        if (!promise.isVoid()) promise.trySuccess();
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (pending != null) {
            packer.flush(pending);
            ByteBuf out = pending;
            pending = null;
            if (out.isReadable()) {
                ctx.write(out, ctx.voidPromise());
            } else {
                out.release();
            }
        }
        ctx.flush();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }
}
