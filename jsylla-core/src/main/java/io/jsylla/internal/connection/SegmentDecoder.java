package io.jsylla.internal.connection;

import io.jsylla.internal.protocol.FrameAssembler;
import io.jsylla.internal.protocol.Segment;
import io.jsylla.internal.protocol.SegmentCodec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/** Protocol v5: bytes to checksummed (optionally LZ4) segments, and segments to frames. */
final class SegmentDecoder extends ByteToMessageDecoder {
    private final SegmentCodec codec;
    private final FrameAssembler assembler;

    SegmentDecoder(SegmentCodec codec, int maxBodyLength) {
        this.codec = codec;
        this.assembler = new FrameAssembler(maxBodyLength);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        Segment segment;
        while ((segment = codec.decode(in)) != null) {
            assembler.accept(segment, out::add);
        }
    }
}
