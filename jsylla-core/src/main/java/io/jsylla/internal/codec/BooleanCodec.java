package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;

/** {@code boolean}: one byte, 0 is false and anything else true; we write 1 for true. */
final class BooleanCodec extends AbstractCodec {

    BooleanCodec() {
        super(DataType.BOOLEAN);
    }

    @Override
    public void encode(Object value, ByteBuf out) {
        if (!(value instanceof Boolean b)) throw cannotBind(value);
        out.writeByte(b ? 1 : 0);
    }

    /** Zero-length ("empty") decodes to null. */
    @Override
    public Object decode(ByteBuf src, int index, int length) {
        if (length == 0) return null;
        checkLength(length, 1);
        return src.getByte(index) != 0;
    }

    @Override
    public int fixedLength() {
        return 1;
    }
}
