package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import java.nio.ByteBuffer;

/** Serializes the Java values of one CQL type. Implementations are immutable and thread-safe. */
public interface Codec {

    DataType type();

    /** Appends the serialized value (without the [bytes] length prefix) to out. value is never null here. */
    void encode(Object value, ByteBuf out);

    /**
     * Decodes the value occupying {@code src[index, index+length)} using absolute gets (does not move
     * indexes). {@code length >= 0}.
     */
    Object decode(ByteBuf src, int index, int length);

    /** Convenience: serialized bytes as a heap ByteBuffer (tests, routing keys). */
    default ByteBuffer encodeToBuffer(Object value) {
        ByteBuf buf = Unpooled.buffer();
        try {
            encode(value, buf);
            return ByteBuffer.wrap(ByteBufUtil.getBytes(buf));
        } finally {
            buf.release();
        }
    }

    /**
     * Whether the serialized form has a fixed size (for vectors); -1 if variable. This follows the
     * server's notion of fixed-length types (which decides the vector layout), not the byte width:
     * {@code tinyint}, {@code smallint}, {@code date} and {@code time} report -1 although their
     * values always have the same size.
     */
    default int fixedLength() {
        return -1;
    }
}
