package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

import java.util.Objects;

/**
 * PREPARE: a [long string] statement; in v5 followed by an [int] flags and, with flag 0x01, the
 * [string] keyspace to prepare it in. v4 has no place for the keyspace, so one is refused there.
 */
public record Prepare(String cql, String keyspace) implements Request {

    private static final int WITH_KEYSPACE = 0x01;

    public Prepare {
        Objects.requireNonNull(cql, "cql");
    }

    public Prepare(String cql) {
        this(cql, null);
    }

    @Override
    public int opcode() {
        return Opcode.PREPARE;
    }

    @Override
    public boolean isTraceable() {
        return true;
    }

    @Override
    public void encode(ByteBuf out, ProtocolVersion version) {
        if (version == ProtocolVersion.V4) {
            if (keyspace != null) throw new IllegalArgumentException("PREPARE with a keyspace needs protocol v5");
            Wire.writeLongString(cql, out);
            return;
        }
        Wire.writeLongString(cql, out);
        out.writeInt(keyspace == null ? 0 : WITH_KEYSPACE);
        if (keyspace != null) Wire.writeString(keyspace, out);
    }
}
