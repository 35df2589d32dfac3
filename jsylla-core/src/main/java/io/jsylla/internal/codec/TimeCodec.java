package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;

import java.time.LocalTime;

/** {@code time}: nanoseconds since midnight as a long, 0 to 86399999999999. */
final class TimeCodec extends AbstractCodec {

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    TimeCodec() {
        super(DataType.TIME);
    }

    @Override
    public void encode(Object value, ByteBuf out) {
        long nanos;
        if (value instanceof LocalTime t) {
            nanos = t.toNanoOfDay();
        } else if (value instanceof Long l) {
            nanos = l;
            if (nanos < 0 || nanos >= NANOS_PER_DAY) throw outOfRange(value);
        } else {
            throw cannotBind(value);
        }
        out.writeLong(nanos);
    }

    /** Zero-length ("empty") decodes to null. */
    @Override
    public Object decode(ByteBuf src, int index, int length) {
        if (length == 0) return null;
        checkLength(length, 8);
        long nanos = src.getLong(index);
        if (nanos < 0 || nanos >= NANOS_PER_DAY) {
            throw new CodecException(nanos + " out of range for time");
        }
        return LocalTime.ofNanoOfDay(nanos);
    }
}
