package io.jsylla.testkit.ceiling;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts a connection's bytes into whole frames, 9-byte header included, however the reads
 * split or group them, and hands each to the {@link Answerer} in place: the frame is the read
 * buffer itself, bounded to the frame for the call, so no frame costs an object or a copy.
 * Protocols v3 to v5 share this header (v5 until STARTUP), which is all a client may open
 * with here; v1 and v2, with their 8-byte header, are not understood at all.
 */
final class FrameDecoder extends ByteToMessageDecoder {
    /** Takes one whole frame: readable from its first header byte to its last body byte. */
    interface Answerer {
        void answer(ChannelHandlerContext ctx, ByteBuf frame);
    }

    private final Answerer answerer;

    FrameDecoder(Answerer answerer) {
        this.answerer = answerer;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= Wire.HEADER) {
            int start = in.readerIndex();
            int length = in.getInt(start + 5);
            if (length < 0 || length > Wire.MAX_BODY) {
                // Nothing after this can be framed: say why, then hang up.
                int stream = in.getShort(start + 2);
                in.skipBytes(in.readableBytes());
                byte[] body = Wire.error(Wire.PROTOCOL_ERROR, "frame body length " + length + " out of range", null);
                ByteBuf frame = ctx.alloc().buffer(Wire.HEADER + body.length);
                Wire.writeHeader(frame, stream, Wire.ERROR, body.length);
                ctx.writeAndFlush(frame.writeBytes(body)).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            int end = start + Wire.HEADER + length;
            int writer = in.writerIndex();
            if (writer < end) return;
            in.writerIndex(end); // a malformed body cannot read into the next frame
            try {
                answerer.answer(ctx, in);
            } finally {
                in.writerIndex(writer);
                in.readerIndex(end);
            }
        }
    }
}
