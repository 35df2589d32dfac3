package io.jsylla.internal.codec;

import io.jsylla.CqlDuration;
import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;

import java.time.Duration;

/** {@code duration}: three zig-zag vints, months, days and nanoseconds. */
final class DurationCodec extends AbstractCodec {

    DurationCodec() {
        super(DataType.DURATION);
    }

    @Override
    public void encode(Object value, ByteBuf out) {
        CqlDuration d;
        if (value instanceof CqlDuration c) {
            d = c;
        } else if (value instanceof Duration j) {
            try {
                d = CqlDuration.from(j);
            } catch (IllegalArgumentException e) {
                throw outOfRange(value);
            }
        } else {
            throw cannotBind(value);
        }
        VInts.writeVInt(out, d.months());
        VInts.writeVInt(out, d.days());
        VInts.writeVInt(out, d.nanoseconds());
    }

    /** Zero-length ("empty") decodes to null. */
    @Override
    public Object decode(ByteBuf src, int index, int length) {
        if (length == 0) return null;
        Cursor cursor = new Cursor(src, index, length, type);
        long months = VInts.zigZagDecode(cursor.readUnsignedVInt());
        long days = VInts.zigZagDecode(cursor.readUnsignedVInt());
        long nanos = VInts.zigZagDecode(cursor.readUnsignedVInt());
        cursor.expectEnd();
        if (months != (int) months || days != (int) days) {
            throw new CodecException("malformed duration value: months " + months + " or days " + days + " exceed an int");
        }
        try {
            return CqlDuration.of((int) months, (int) days, nanos);
        } catch (IllegalArgumentException e) {
            throw new CodecException("malformed duration value: " + e.getMessage(), e);
        }
    }
}
