package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;

import java.time.LocalDate;

/**
 * {@code date}: days since 1970-01-01 as an unsigned int centered on 2^31, so 1970-01-01 is
 * 0x80000000. Flipping the top bit converts between that and signed days.
 */
final class DateCodec extends AbstractCodec {

    DateCodec() {
        super(DataType.DATE);
    }

    @Override
    public void encode(Object value, ByteBuf out) {
        if (!(value instanceof LocalDate d)) throw cannotBind(value);
        long days = d.toEpochDay();
        if (days < Integer.MIN_VALUE || days > Integer.MAX_VALUE) throw outOfRange(value);
        out.writeInt((int) days ^ Integer.MIN_VALUE);
    }

    /** Zero-length ("empty") decodes to null. Every int fits LocalDate's range. */
    @Override
    public Object decode(ByteBuf src, int index, int length) {
        if (length == 0) return null;
        checkLength(length, 4);
        return LocalDate.ofEpochDay(src.getInt(index) ^ Integer.MIN_VALUE);
    }
}
