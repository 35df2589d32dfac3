package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.xerial.snappy.Snappy;

import java.io.IOException;

/**
 * Snappy: a v4 body is the raw Snappy format, which carries its own uncompressed length; that
 * length is checked against the limit before decompressing. v5 has no Snappy.
 */
public final class SnappyCompressor implements Compressor {

    public static final SnappyCompressor INSTANCE = new SnappyCompressor();

    private SnappyCompressor() {
    }

    @Override
    public String name() {
        return "snappy";
    }

    @Override
    public ByteBuf compress(ByteBuf in) {
        byte[] input = ByteBufUtil.getBytes(in, in.readerIndex(), in.readableBytes(), false);
        try {
            return Unpooled.wrappedBuffer(Snappy.compress(input));
        } catch (IOException e) {
            throw new IllegalStateException("Snappy compression failed", e);
        }
    }

    @Override
    public ByteBuf decompress(ByteBuf in) {
        byte[] input = ByteBufUtil.getBytes(in, in.readerIndex(), in.readableBytes(), false);
        try {
            int length = Snappy.uncompressedLength(input);
            if (length < 0 || length > MAX_UNCOMPRESSED_LENGTH) {
                throw new CodecException("Snappy body announces " + Integer.toUnsignedString(length)
                        + " uncompressed bytes, beyond the " + MAX_UNCOMPRESSED_LENGTH + " limit");
            }
            if (!Snappy.isValidCompressedBuffer(input)) throw new CodecException("corrupt Snappy body");
            return Unpooled.wrappedBuffer(Snappy.uncompress(input));
        } catch (IOException e) {
            throw new CodecException("corrupt Snappy body", e);
        }
    }
}
