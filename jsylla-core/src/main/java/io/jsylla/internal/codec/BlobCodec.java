package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;

import java.nio.ByteBuffer;

/** {@code blob} and custom types: raw bytes, bound as a ByteBuffer or byte[] and decoded as a read-only ByteBuffer. */
final class BlobCodec extends AbstractCodec {

    BlobCodec(DataType type) {
        super(type);
    }

    @Override
    public void encode(Object value, ByteBuf out) {
        if (value instanceof ByteBuffer b) {
            out.writeBytes(b.duplicate()); // the caller's position stays where it was
        } else if (value instanceof byte[] a) {
            out.writeBytes(a);
        } else {
            throw cannotBind(value);
        }
    }

    /**
     * The caller's own copy (each read makes one), so it outlives the frame without pinning it and
     * may be changed freely; zero-length is an empty buffer.
     */
    @Override
    public Object decode(ByteBuf src, int index, int length) {
        byte[] bytes = new byte[length];
        src.getBytes(index, bytes);
        return ByteBuffer.wrap(bytes);
    }
}
