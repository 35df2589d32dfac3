package io.jsylla.testkit.ceiling;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts a connection's bytes into whole frames, 9-byte header included, however the reads
 * split or group them. Frames are slices of the received bytes: nothing is copied. Protocols
 * v3 to v5 share this header (v5 until STARTUP), which is all a client may open with here;
 * v1 and v2, with their 8-byte header, are not understood at all.
 */
final class FrameDecoder extends ByteToMessageDecoder {
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < Wire.HEADER) return;
        int length = in.getInt(in.readerIndex() + 5);
        if (length < 0 || length > Wire.MAX_BODY) {
            // Nothing after this can be framed: say why, then hang up.
            int stream = in.getShort(in.readerIndex() + 2);
            in.skipBytes(in.readableBytes());
            byte[] body = Wire.error(Wire.PROTOCOL_ERROR, "frame body length " + length + " out of range", null);
            ByteBuf frame = ctx.alloc().buffer(Wire.HEADER + body.length);
            Wire.writeHeader(frame, stream, Wire.ERROR, body.length);
            ctx.writeAndFlush(frame.writeBytes(body)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (in.readableBytes() < Wire.HEADER + length) return;
        out.add(in.readRetainedSlice(Wire.HEADER + length));
    }
}
