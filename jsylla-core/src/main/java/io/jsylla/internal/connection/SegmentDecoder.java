package io.jsylla.internal.connection;

import io.jsylla.internal.protocol.CodecException;
import io.jsylla.internal.protocol.FrameAssembler;
import io.jsylla.internal.protocol.SegmentCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
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

    /**
     * Decodes every whole segment of the input into one heap buffer their payloads (and the frames
     * and rows in them) share: one copy per read, not one per segment. A broken segment still
     * lets the ones before it through.
     */
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int end = in.readerIndex();
        int decoded = 0;
        CodecException malformed = null;
        try {
            long header;
            int length;
            while ((header = codec.header(in, end)) >= 0 && in.writerIndex() - end >= (length = codec.segmentLength(header))) {
                decoded += codec.decodedLength(header); // each header read (and its CRC24 checked) once here
                end += length;
            }
        } catch (CodecException e) {
            malformed = e;
        }
        if (end > in.readerIndex()) {
            ByteBuf payloads = Unpooled.buffer(decoded, decoded);
            while (in.readerIndex() < end) {
                assembler.accept(codec.decode(in, payloads), out::add);
            }
        }
        if (malformed != null) throw malformed;
    }
}
