package io.jsylla.internal.protocol;

import io.jsylla.Consistency;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * EXECUTE: the prepared [short bytes] id, in v5 the [short bytes] result metadata id the client's
 * cached metadata belongs to, then the query parameters. The bound values are kept in the wire
 * form binding gave them ({@code valueCount} [value]s back to back), so sending copies them once;
 * absent options use the sentinels of {@link QueryParameters}.
 */
public record Execute(byte[] id, byte[] resultMetadataId, Consistency consistency, byte[] values, int valueCount,
                      boolean skipMetadata, int pageSize, ByteBuffer pagingState, Consistency serialConsistency,
                      long timestamp) implements Request {

    public Execute {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(consistency, "consistency");
        Objects.requireNonNull(values, "values");
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
        return c == consistency ? this : new Execute(id, resultMetadataId, c, values, valueCount, skipMetadata, pageSize,
                pagingState, serialConsistency, timestamp);
    }

    @Override
    public void encode(ByteBuf out, ProtocolVersion version) {
        Wire.writeShortBytes(id, out);
        if (version != ProtocolVersion.V4) {
            if (resultMetadataId == null) throw new IllegalArgumentException("EXECUTE in v5 needs a result metadata id");
            Wire.writeShortBytes(resultMetadataId, out);
        }
        QueryParameters.writeWire(out, version, consistency, values, valueCount, skipMetadata, pageSize, pagingState,
                serialConsistency, timestamp);
    }
}
