package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

import java.nio.ByteBuffer;

/**
 * LZ4. A v4 body is a big-endian [int] uncompressed length then a raw LZ4 block; v5 segments carry
 * the raw block alone (their header holds the length). Decompression uses the safe decompressor,
 * bounded by the announced length, since the input comes from the network.
 */
public final class Lz4Compressor implements Compressor {

    public static final Lz4Compressor INSTANCE = new Lz4Compressor();

    private final LZ4Compressor compressor;
    private final LZ4SafeDecompressor decompressor;

    private Lz4Compressor() {
        LZ4Factory factory = LZ4Factory.fastestInstance();
        compressor = factory.fastCompressor();
        decompressor = factory.safeDecompressor();
    }

    @Override
    public String name() {
        return "lz4";
    }

    @Override
    public ByteBuf compress(ByteBuf in) {
        int length = in.readableBytes();
        ByteBuf out = Unpooled.buffer(4 + compressor.maxCompressedLength(length));
        out.writeInt(length);
        compressBlock(in.duplicate(), out);
        return out;
    }

    @Override
    public ByteBuf decompress(ByteBuf in) {
        if (in.readableBytes() < 4) throw new CodecException("LZ4 body shorter than its 4-byte length prefix");
        int length = in.getInt(in.readerIndex());
        if (length < 0 || length > MAX_UNCOMPRESSED_LENGTH) {
            throw new CodecException("LZ4 body announces " + Integer.toUnsignedString(length)
                    + " uncompressed bytes, beyond the " + MAX_UNCOMPRESSED_LENGTH + " limit");
        }
        ByteBuf out = Unpooled.buffer(length);
        ByteBuf block = in.duplicate();
        block.skipBytes(4);
        decompressBlock(block, length, out);
        return out;
    }

    /** Compresses {@code in}'s readable bytes (consuming them) as one raw LZ4 block appended to {@code out}. */
    public void compressBlock(ByteBuf in, ByteBuf out) {
        int length = in.readableBytes();
        int max = compressor.maxCompressedLength(length);
        ByteBuffer src = in.nioBuffer(in.readerIndex(), length);
        int written;
        if (out.hasArray()) {
            out.ensureWritable(max);
            ByteBuffer dst = ByteBuffer.wrap(out.array(), out.arrayOffset() + out.writerIndex(), max);
            written = compressor.compress(src, src.position(), length, dst, dst.position(), max);
            out.writerIndex(out.writerIndex() + written);
        } else {
            byte[] tmp = new byte[max];
            written = compressor.compress(src, src.position(), length, ByteBuffer.wrap(tmp), 0, max);
            out.writeBytes(tmp, 0, written);
        }
        in.skipBytes(length);
    }

    /**
     * Decompresses the raw LZ4 block made of {@code in}'s readable bytes (consuming them) into
     * {@code out}; it must decode to exactly {@code uncompressedLength} bytes using all of the input.
     */
    public void decompressBlock(ByteBuf in, int uncompressedLength, ByteBuf out) {
        if (uncompressedLength < 0) throw new CodecException("negative LZ4 uncompressed length " + uncompressedLength);
        int length = in.readableBytes();
        ByteBuffer src = in.nioBuffer(in.readerIndex(), length);
        out.ensureWritable(uncompressedLength);
        // Straight into the output's memory when it is a heap array (as the segment decoder's is).
        boolean direct = out.hasArray();
        byte[] tmp = direct ? null : new byte[uncompressedLength];
        ByteBuffer dst = direct ? ByteBuffer.wrap(out.array(), out.arrayOffset() + out.writerIndex(), uncompressedLength)
                : ByteBuffer.wrap(tmp);
        int produced;
        try {
            produced = decompressor.decompress(src, src.position(), length, dst, dst.position(), uncompressedLength);
        } catch (LZ4Exception e) {
            throw new CodecException("corrupt LZ4 block (" + length + " bytes, " + uncompressedLength + " expected)", e);
        }
        if (produced != uncompressedLength) {
            throw new CodecException("LZ4 block decoded to " + produced + " bytes, " + uncompressedLength + " expected");
        }
        if (direct) out.writerIndex(out.writerIndex() + uncompressedLength);
        else out.writeBytes(tmp);
        in.skipBytes(length);
    }
}
