package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;

import java.math.BigInteger;

/**
 * {@code tinyint}, {@code smallint}, {@code int}, {@code bigint} and {@code counter}: two's complement
 * integers of 1, 2, 4 or 8 bytes. Any Java integral type binds if the value fits.
 * A zero-length ("empty") value decodes to null.
 */
final class IntegerCodec extends AbstractCodec {

    private final int width;
    private final long min;
    private final long max;
    private final int fixedLength;

    IntegerCodec(DataType type, int width) {
        super(type);
        this.width = width;
        this.max = width == 8 ? Long.MAX_VALUE : (1L << (8 * width - 1)) - 1;
        this.min = -max - 1;
        // The server lays out vector<int>/vector<bigint> elements bare, but not tinyint/smallint/counter.
        this.fixedLength = type.kind() == DataType.Kind.INT || type.kind() == DataType.Kind.BIGINT ? width : -1;
    }

    @Override
    public void encode(Object value, ByteBuf out) {
        long v = toLong(value);
        switch (width) {
            case 1 -> out.writeByte((int) v);
            case 2 -> out.writeShort((int) v);
            case 4 -> out.writeInt((int) v);
            default -> out.writeLong(v);
        }
    }

    /** The value as a long within this type's range, or a CodecException. */
    long toLong(Object value) {
        long v;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            v = ((Number) value).longValue();
        } else if (value instanceof BigInteger b) {
            if (b.bitLength() > 63) throw outOfRange(value);
            v = b.longValue();
        } else {
            throw cannotBind(value);
        }
        if (v < min || v > max) throw outOfRange(value);
        return v;
    }

    @Override
    public Object decode(ByteBuf src, int index, int length) {
        if (length == 0) return null;
        checkLength(length, width);
        return switch (width) {
            case 1 -> src.getByte(index);
            case 2 -> src.getShort(index);
            case 4 -> src.getInt(index);
            default -> src.getLong(index);
        };
    }

    @Override
    public int fixedLength() {
        return fixedLength;
    }
}
