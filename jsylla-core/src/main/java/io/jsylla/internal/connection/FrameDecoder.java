package io.jsylla.internal.connection;

import io.jsylla.internal.protocol.CodecException;
import io.jsylla.internal.protocol.Compressor;
import io.jsylla.internal.protocol.FrameCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Bytes to frames, for protocol v4 and for the handshake of every version (v5 switches to
 * segments after STARTUP is answered). Handles input split anywhere, and many frames per read.
 */
final class FrameDecoder extends ByteToMessageDecoder {
    private final int maxBodyLength;
    private volatile Compressor compressor;

    FrameDecoder(int maxBodyLength) {
        this.maxBodyLength = maxBodyLength;
    }

    /** Frames flagged compressed are inflated with this from now on (v4, after STARTUP). */
    void compressor(Compressor compressor) {
        this.compressor = compressor;
    }

    /**
     * Copies every complete frame of the input out of the pooled buffer at once, into one heap
     * buffer the frames (and the rows they hold) share: one copy per read, not one per frame.
     */
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        CodecException malformed = null;
        try {
            int length;
            while ((length = FrameCodec.frameLength(in, maxBodyLength)) >= 0 && in.readableBytes() >= length) {
                in.skipBytes(length);
            }
        } catch (CodecException e) {
            malformed = e; // the frames before it still reach their requests
        }
        int complete = in.readerIndex() - start;
        if (complete > 0) {
            ByteBuf frames = Unpooled.buffer(complete, complete);
            in.getBytes(start, frames, complete);
            Compressor c = compressor;
            while (frames.isReadable()) out.add(FrameCodec.decode(frames, c, false));
        }
        if (malformed != null) throw malformed;
    }
}
