package io.jsylla.internal.protocol;

import io.jsylla.Consistency;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * EXECUTE: the prepared [short bytes] id, in v5 the [short bytes] result metadata id the client's
 * cached metadata belongs to, then the query parameters. What every execution of one statement
 * at one set of options sends alike is {@link Shared}, made once and kept with the statement;
 * an execution adds its bound values (in the wire form binding gave them, so sending copies
 * them once), its paging state and its timestamp. Absent options use the sentinels of
 * {@link QueryParameters}.
 *
 * @param values      {@link Shared#valueCount} [value]s back to back
 * @param pagingState where the previous page ended, or null for the first page
 */
public record Execute(Shared shared, byte[] values, ByteBuffer pagingState, long timestamp) implements Request {

    /** The part of EXECUTE all executions of a statement at the same options share. */
    public record Shared(byte[] id, byte[] resultMetadataId, Consistency consistency, int valueCount, boolean skipMetadata,
                         int pageSize, Consistency serialConsistency) {
        public Shared {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(consistency, "consistency");
        }

        Shared atConsistency(Consistency c) {
            return new Shared(id, resultMetadataId, c, valueCount, skipMetadata, pageSize, serialConsistency);
        }
    }

    public Execute {
        Objects.requireNonNull(shared, "shared");
        Objects.requireNonNull(values, "values");
    }

    public Consistency consistency() {
        return shared.consistency;
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
    public Execute atConsistency(Consistency c) {
        return c == shared.consistency ? this : new Execute(shared.atConsistency(c), values, pagingState, timestamp);
    }

    @Override
    public void encode(ByteBuf out, ProtocolVersion version) {
        Shared s = shared;
        Wire.writeShortBytes(s.id, out);
        if (version != ProtocolVersion.V4) {
            if (s.resultMetadataId == null) throw new IllegalArgumentException("EXECUTE in v5 needs a result metadata id");
            Wire.writeShortBytes(s.resultMetadataId, out);
        }
        QueryParameters.writeWire(out, version, s.consistency, values, s.valueCount, s.skipMetadata, s.pageSize, pagingState,
                s.serialConsistency, timestamp);
    }
}
