package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;

import java.util.UUID;

/** {@code uuid} and {@code timeuuid}: 16 bytes, most significant first; a timeuuid must be version 1. */
final class UuidCodec extends AbstractCodec {

    private final boolean timeBased;

    UuidCodec(DataType type) {
        super(type);
        this.timeBased = type.kind() == DataType.Kind.TIMEUUID;
    }

    @Override
    public void encode(Object value, ByteBuf out) {
        if (!(value instanceof UUID u)) throw cannotBind(value);
        if (timeBased && u.version() != 1) {
            throw new CodecException("java.util.UUID " + u + " is version " + u.version()
                    + ", not a version 1 UUID: cannot bind to timeuuid");
        }
        out.writeLong(u.getMostSignificantBits());
        out.writeLong(u.getLeastSignificantBits());
    }

    /** Zero-length ("empty") decodes to null. Decoding does not check the version: the server already did. */
    @Override
    public Object decode(ByteBuf src, int index, int length) {
        if (length == 0) return null;
        checkLength(length, 16);
        return new UUID(src.getLong(index), src.getLong(index + 8));
    }

    @Override
    public int fixedLength() {
        return 16;
    }
}
