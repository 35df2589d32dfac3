package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * {@code timestamp}: milliseconds since the epoch as a signed long. Sub-millisecond parts are
 * dropped (rounded towards the past), as the server would. A LocalDateTime is refused: without a
 * zone it names no instant, and guessing the JVM's zone silently shifts data between machines.
 */
final class TimestampCodec extends AbstractCodec {

    TimestampCodec() {
        super(DataType.TIMESTAMP);
    }

    @Override
    public void encode(Object value, ByteBuf out) {
        out.writeLong(toMillis(value));
    }

    private long toMillis(Object value) {
        Instant instant;
        if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof Long l) {
            return l;
        } else if (value instanceof Date d) {
            return d.getTime();
        } else if (value instanceof OffsetDateTime o) {
            instant = o.toInstant();
        } else if (value instanceof ZonedDateTime z) {
            instant = z.toInstant();
        } else if (value instanceof LocalDateTime) {
            throw new CodecException("cannot bind java.time.LocalDateTime to timestamp: it has no time zone;"
                    + " convert it with atZone(...) or toInstant(offset)");
        } else {
            throw cannotBind(value);
        }
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            throw outOfRange(value);
        }
    }

    /** Zero-length ("empty") decodes to null. Every long of milliseconds fits Instant's range. */
    @Override
    public Object decode(ByteBuf src, int index, int length) {
        if (length == 0) return null;
        checkLength(length, 8);
        return Instant.ofEpochMilli(src.getLong(index));
    }

    @Override
    public int fixedLength() {
        return 8;
    }
}
