package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;

import java.math.BigInteger;

/** {@code varint}: minimal big-endian two's complement, which is exactly {@link BigInteger#toByteArray()}. */
final class VarintCodec extends AbstractCodec {

    VarintCodec() {
        super(DataType.VARINT);
    }

    @Override
    public void encode(Object value, ByteBuf out) {
        out.writeBytes(toBigInteger(value).toByteArray());
    }

    private BigInteger toBigInteger(Object value) {
        if (value instanceof BigInteger b) return b;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        throw cannotBind(value);
    }

    /** Zero-length ("empty") decodes to null. */
    @Override
    public Object decode(ByteBuf src, int index, int length) {
        if (length == 0) return null;
        return decodeBigInteger(src, index, length);
    }

    static BigInteger decodeBigInteger(ByteBuf src, int index, int length) {
        byte[] bytes = new byte[length];
        src.getBytes(index, bytes);
        return new BigInteger(bytes);
    }
}
