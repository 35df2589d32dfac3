package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;

/**
 * Walks the parts of a composite value inside src[index, end) with absolute reads, checking every
 * length against the value's bounds so a malformed value fails with a CodecException naming its
 * type instead of reading a neighbour's bytes.
 */
final class Cursor {

    private final ByteBuf src;
    private final DataType type;
    private final int end;
    private int position;

    Cursor(ByteBuf src, int index, int length, DataType type) {
        this.src = src;
        this.type = type;
        this.position = index;
        this.end = index + length;
    }

    boolean hasRemaining() {
        return position < end;
    }

    int remaining() {
        return end - position;
    }

    int readInt() {
        need(4);
        int v = src.getInt(position);
        position += 4;
        return v;
    }

    /** An element count, which cannot exceed the bytes left (every element takes at least minSize). */
    int readCount(int minSize) {
        int n = readInt();
        if (n < 0 || (long) n * minSize > remaining()) {
            throw new CodecException("malformed " + type + " value: " + n + " elements in " + remaining() + " bytes");
        }
        return n;
    }

    /** A [bytes] value decoded with codec; null for a negative length. */
    Object readBytes(Codec codec) {
        int length = readInt();
        if (length < 0) return null;
        return read(codec, length);
    }

    /** The next length bytes decoded with codec. */
    Object read(Codec codec, int length) {
        need(length);
        Object value = codec.decode(src, position, length);
        position += length;
        return value;
    }

    long readUnsignedVInt() {
        need(1);
        int size = VInts.sizeFromFirstByte(src.getByte(position));
        need(size);
        long v = VInts.readUnsignedVInt(src, position);
        position += size;
        return v;
    }

    /** Fails if bytes are left over after the last part. */
    void expectEnd() {
        if (position != end) {
            throw new CodecException("malformed " + type + " value: " + remaining() + " extra bytes");
        }
    }

    private void need(int n) {
        if (n < 0 || n > end - position) {
            throw new CodecException("malformed " + type + " value: needs " + n + " more bytes, has " + (end - position));
        }
    }
}
