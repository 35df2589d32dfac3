package io.jsylla.internal.protocol;

import io.jsylla.BatchType;
import io.jsylla.Consistency;
import io.netty.buffer.ByteBuf;

import java.util.List;
import java.util.Objects;

/**
 * BATCH: &lt;type&gt;&lt;n&gt;&lt;query_1&gt;...&lt;query_n&gt;&lt;consistency&gt;&lt;flags&gt; then the
 * options the flags announce. Absent options use the sentinels of {@link QueryParameters}.
 */
public record Batch(BatchType type, List<BatchStatement> statements, Consistency consistency,
                    Consistency serialConsistency, long timestamp, String keyspace, int nowInSeconds)
        implements Request {

    private static final int QUERY_KIND = 0;
    private static final int PREPARED_KIND = 1;

    public Batch {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(consistency, "consistency");
        statements = List.copyOf(statements);
    }

    @Override
    public int opcode() {
        return Opcode.BATCH;
    }

    @Override
    public boolean isTraceable() {
        return true;
    }

    @Override
    public Batch atConsistency(Consistency c) {
        return c == consistency ? this : new Batch(type, statements, c, serialConsistency, timestamp, keyspace, nowInSeconds);
    }

    @Override
    public void encode(ByteBuf out, ProtocolVersion version) {
        int flags = 0;
        if (serialConsistency != null) flags |= QueryParameters.SERIAL_CONSISTENCY;
        if (timestamp != QueryParameters.NO_TIMESTAMP) flags |= QueryParameters.TIMESTAMP;
        if (keyspace != null) flags |= QueryParameters.KEYSPACE;
        if (nowInSeconds != QueryParameters.NO_NOW_IN_SECONDS) flags |= QueryParameters.NOW_IN_SECONDS;
        QueryParameters.checkV5Only(flags, version);

        out.writeByte(type.code());
        Wire.writeCount(statements.size(), out, "batch statements");
        for (BatchStatement statement : statements) {
            if (statement.cql() != null) {
                out.writeByte(QUERY_KIND);
                Wire.writeLongString(statement.cql(), out);
            } else {
                out.writeByte(PREPARED_KIND);
                Wire.writeShortBytes(statement.preparedId(), out);
            }
            QueryParameters.writeValues(statement.values(), out);
        }
        Wire.writeConsistency(consistency, out);
        QueryParameters.writeFlags(flags, out, version);
        if (serialConsistency != null) Wire.writeConsistency(serialConsistency, out);
        if (timestamp != QueryParameters.NO_TIMESTAMP) out.writeLong(timestamp);
        if (keyspace != null) Wire.writeString(keyspace, out);
        if (nowInSeconds != QueryParameters.NO_NOW_IN_SECONDS) out.writeInt(nowInSeconds);
    }
}
