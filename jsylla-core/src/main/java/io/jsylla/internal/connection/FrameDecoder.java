package io.jsylla.internal.connection;

import io.jsylla.internal.protocol.Compressor;
import io.jsylla.internal.protocol.FrameCodec;
import io.netty.buffer.ByteBuf;
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

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int length;
        while ((length = FrameCodec.frameLength(in, maxBodyLength)) >= 0 && in.readableBytes() >= length) {
            out.add(FrameCodec.decode(in, compressor));
        }
    }
}
