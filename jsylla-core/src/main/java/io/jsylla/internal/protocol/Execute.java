package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

import java.util.Objects;

/**
 * EXECUTE: the prepared [short bytes] id, in v5 the [short bytes] result metadata id the client's
 * cached metadata belongs to, then the query parameters.
 */
public record Execute(byte[] id, byte[] resultMetadataId, QueryParameters parameters) implements Request {

    public Execute {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public int opcode() {
        return Opcode.EXECUTE;
    }

    @Override
    public boolean isTraceable() {
        return true;
    }

    @Override
    public void encode(ByteBuf out, ProtocolVersion version) {
        writeIds(out, version, id, resultMetadataId);
        parameters.encode(out, version);
    }

    /** The part of an EXECUTE body before its query parameters. */
    public static void writeIds(ByteBuf out, ProtocolVersion version, byte[] id, byte[] resultMetadataId) {
        Wire.writeShortBytes(id, out);
        if (version != ProtocolVersion.V4) {
            if (resultMetadataId == null) throw new IllegalArgumentException("EXECUTE in v5 needs a result metadata id");
            Wire.writeShortBytes(resultMetadataId, out);
        }
    }
}
