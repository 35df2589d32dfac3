package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;

import java.math.BigDecimal;
import java.math.BigInteger;

/** {@code decimal}: [int scale] then the unscaled value as a varint; value = unscaled * 10^-scale. */
final class DecimalCodec extends AbstractCodec {

    DecimalCodec() {
        super(DataType.DECIMAL);
    }

    @Override
    public void encode(Object value, ByteBuf out) {
        BigDecimal d = toBigDecimal(value);
        out.writeInt(d.scale());
        out.writeBytes(d.unscaledValue().toByteArray());
    }

    private BigDecimal toBigDecimal(Object value) {
        if (value instanceof BigDecimal d) return d;
        if (value instanceof BigInteger b) return new BigDecimal(b);
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) throw outOfRange(value);
            return BigDecimal.valueOf(d);
        }
        if (value instanceof Float f) {
            if (f.isNaN() || f.isInfinite()) throw outOfRange(value);
            // Float.toString is the shortest decimal that reads back as f: 0.1f becomes 0.1, not 0.100000001490116...
            return new BigDecimal(f.toString());
        }
        throw cannotBind(value);
    }

    /** Zero-length ("empty") decodes to null. */
    @Override
    public Object decode(ByteBuf src, int index, int length) {
        if (length == 0) return null;
        if (length < 5) {
            throw new CodecException("wrong length for decimal: " + length + " bytes, expected at least 5");
        }
        int scale = src.getInt(index);
        BigInteger unscaled = VarintCodec.decodeBigInteger(src, index + 4, length - 4);
        return new BigDecimal(unscaled, scale);
    }
}
