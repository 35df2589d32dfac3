package io.jsylla.internal.codec;

import io.netty.buffer.ByteBuf;

/**
 * The native protocol's variable-length integers ([unsigned vint] and [vint] in the v5 spec's notations).
 *
 * <p>An unsigned vint is big-endian; the number of leading 1-bits of its first byte is the number of
 * bytes that follow, and the first byte's remaining bits are the value's most significant bits.
 * n bytes carry 7n bits, up to 8 bytes (56 bits); a 64-bit value needs 9 bytes, the first 0xFF.
 * A signed vint is zig-zag encoded first (0, -1, 1, -2 become 0, 1, 2, 3) so small negatives stay short.
 */
public final class VInts {

    /** The longest encoding: 0xFF then 8 value bytes. */
    public static final int MAX_SIZE = 9;

    private VInts() {
    }

    public static long zigZagEncode(long n) {
        return (n >> 63) ^ (n << 1);
    }

    public static long zigZagDecode(long n) {
        return (n >>> 1) ^ -(n & 1);
    }

    /** Bytes needed for value as an unsigned vint (value read as unsigned 64 bits). */
    public static int computeUnsignedVIntSize(long value) {
        int bits = 64 - Long.numberOfLeadingZeros(value);
        if (bits > 56) return MAX_SIZE;
        return bits == 0 ? 1 : (bits + 6) / 7;
    }

    /** Bytes needed for value as a signed (zig-zag) vint. */
    public static int computeVIntSize(long value) {
        return computeUnsignedVIntSize(zigZagEncode(value));
    }

    public static void writeUnsignedVInt(ByteBuf out, long value) {
        int size = computeUnsignedVIntSize(value);
        int extra = size - 1;
        if (extra == 8) {
            out.writeByte(0xFF);
            out.writeLong(value);
            return;
        }
        // Leading `extra` ones, then the bits of value above the `extra` trailing bytes.
        out.writeByte((0xFF00 >>> extra) & 0xFF | (int) (value >>> (8 * extra)));
        for (int shift = 8 * (extra - 1); shift >= 0; shift -= 8) {
            out.writeByte((int) (value >>> shift));
        }
    }

    public static void writeVInt(ByteBuf out, long value) {
        writeUnsignedVInt(out, zigZagEncode(value));
    }

    /** Total size, first byte included, of the unsigned vint whose first byte is firstByte. */
    public static int sizeFromFirstByte(byte firstByte) {
        return 1 + Integer.numberOfLeadingZeros(~firstByte & 0xFF) - 24;
    }

    /** Reads the unsigned vint at index without moving any index; the caller checks the bytes are there. */
    public static long readUnsignedVInt(ByteBuf src, int index) {
        byte first = src.getByte(index);
        int extra = sizeFromFirstByte(first) - 1;
        long value = first & (0xFF >>> extra);
        for (int i = 1; i <= extra; i++) {
            value = (value << 8) | (src.getByte(index + i) & 0xFF);
        }
        return value;
    }

    /** Reads the signed vint at index without moving any index. */
    public static long readVInt(ByteBuf src, int index) {
        return zigZagDecode(readUnsignedVInt(src, index));
    }

    /** Reads an unsigned vint at the reader index and advances past it. */
    public static long readUnsignedVInt(ByteBuf in) {
        int index = in.readerIndex();
        int size = sizeFromFirstByte(in.getByte(index));
        if (in.readableBytes() < size) {
            throw new CodecException("truncated vint: " + size + " bytes needed, " + in.readableBytes() + " readable");
        }
        long value = readUnsignedVInt(in, index);
        in.skipBytes(size);
        return value;
    }

    /** Reads a signed vint at the reader index and advances past it. */
    public static long readVInt(ByteBuf in) {
        return zigZagDecode(readUnsignedVInt(in));
    }
}
