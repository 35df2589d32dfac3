package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;

import java.math.BigDecimal;

/** {@code double}: IEEE 754 binary64. Binds Double, Float, and integers a double represents exactly. */
final class DoubleCodec extends AbstractCodec {

    DoubleCodec() {
        super(DataType.DOUBLE);
    }

    @Override
    public void encode(Object value, ByteBuf out) {
        out.writeDouble(toDouble(value));
    }

    private double toDouble(Object value) {
        if (value instanceof Double d) return d;
        if (value instanceof Float f) return f;
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Long l) {
            double d = l;
            // Exact comparison: beyond 2^53 not every long is a double, and a (long) cast saturates.
            if (new BigDecimal(d).compareTo(BigDecimal.valueOf(l)) == 0) return d;
            throw outOfRange(value);
        }
        throw cannotBind(value);
    }

    /** Zero-length ("empty") decodes to null. */
    @Override
    public Object decode(ByteBuf src, int index, int length) {
        if (length == 0) return null;
        checkLength(length, 8);
        return src.getDouble(index);
    }

    @Override
    public int fixedLength() {
        return 8;
    }
}
