package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;

import java.math.BigDecimal;

/**
 * {@code float}: IEEE 754 binary32. Binds a Float, or any Double or integer that a float
 * represents exactly, so that a bound value never silently loses precision.
 */
final class FloatCodec extends AbstractCodec {

    FloatCodec() {
        super(DataType.FLOAT);
    }

    @Override
    public void encode(Object value, ByteBuf out) {
        out.writeFloat(toFloat(value));
    }

    private float toFloat(Object value) {
        if (value instanceof Float f) return f;
        if (value instanceof Double d) {
            float f = d.floatValue();
            if (Double.isNaN(d) || (double) f == d) return f;
            throw outOfRange(value);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte || value instanceof Long) {
            long v = ((Number) value).longValue();
            float f = (float) v;
            // Compare exactly: a (long) cast saturates and would accept Long.MAX_VALUE.
            if (new BigDecimal(f).compareTo(BigDecimal.valueOf(v)) == 0) return f;
            throw outOfRange(value);
        }
        throw cannotBind(value);
    }

    /** Zero-length ("empty") decodes to null. */
    @Override
    public Object decode(ByteBuf src, int index, int length) {
        if (length == 0) return null;
        checkLength(length, 4);
        return src.getFloat(index);
    }

    @Override
    public int fixedLength() {
        return 4;
    }
}
