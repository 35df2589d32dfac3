package io.jsylla.internal.session;

import io.jsylla.BoundStatement;
import io.jsylla.ColumnSpec;
import io.jsylla.DataType;
import io.jsylla.PreparedStatement;
import io.jsylla.internal.codec.BoundValues;
import io.jsylla.internal.codec.Codecs;
import io.jsylla.internal.routing.Partitioner;
import io.jsylla.internal.routing.RoutingKey;
import io.jsylla.internal.routing.Token;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The serialized partition key of a statement, which token-aware routing hashes. */
public final class RoutingKeys {
    private RoutingKeys() {}

    /** From a bound statement's partition key variables; null if one is unset or null, or none is known. */
    static ByteBuffer of(BoundStatement b) {
        return of(b.preparedStatement(), ApiAccess.values(b));
    }

    /** From a prepared statement's bound values, as {@link #of(BoundStatement)}. */
    static ByteBuffer of(PreparedStatement ps, BoundValues values) {
        List<Integer> pk = ps.getPartitionKeyIndexes();
        if (pk.isEmpty()) return null;
        if (pk.size() == 1) return values.routingValue(pk.get(0));
        List<ByteBuffer> parts = new ArrayList<>(pk.size());
        for (int i : pk) {
            ByteBuffer v = values.value(i);
            if (v == null || v == Codecs.UNSET) return null;
            parts.add(v);
        }
        return RoutingKey.compose(parts);
    }

    /** The token of a statement's bound partition key, hashed without a view for a one-column key; null as {@link #of}. */
    static Token token(PreparedStatement ps, byte[] values, Partitioner partitioner) {
        List<Integer> pk = ps.getPartitionKeyIndexes();
        int count = ps.getVariables().size();
        if (pk.size() == 1) return BoundValues.token(values, count, pk.get(0), partitioner);
        ByteBuffer key = of(ps, BoundValues.ofWire(values, count));
        return key == null ? null : partitioner.hash(key);
    }

    /** The keyspace of a prepared statement's partition key (its table's), or null. */
    static String keyspace(PreparedStatement ps) {
        List<ColumnSpec> vars = ps.getVariables();
        for (int i = 0; i < vars.size(); i++) if (vars.get(i).keyspace() != null) return vars.get(i).keyspace();
        return null;
    }

    /** Partition key values, in key order, serialized by their Java types. */
    public static ByteBuffer fromValues(Object... values) {
        if (values == null || values.length == 0) throw new IllegalArgumentException("no routing values given");
        List<ByteBuffer> parts = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) throw new IllegalArgumentException("routing value " + i + " is null");
            parts.add(Codecs.encodeForColumn("routing value " + i, typeOf(v, i), v));
        }
        return parts.size() == 1 ? parts.get(0) : RoutingKey.compose(parts);
    }

    private static DataType typeOf(Object v, int i) {
        if (v instanceof Integer) return DataType.INT;
        if (v instanceof Long) return DataType.BIGINT;
        if (v instanceof String) return DataType.TEXT;
        if (v instanceof UUID) return DataType.UUID;
        if (v instanceof Short) return DataType.SMALLINT;
        if (v instanceof Byte) return DataType.TINYINT;
        if (v instanceof Boolean) return DataType.BOOLEAN;
        if (v instanceof Double) return DataType.DOUBLE;
        if (v instanceof Float) return DataType.FLOAT;
        if (v instanceof BigInteger) return DataType.VARINT;
        if (v instanceof BigDecimal) return DataType.DECIMAL;
        if (v instanceof Instant) return DataType.TIMESTAMP;
        if (v instanceof LocalDate) return DataType.DATE;
        if (v instanceof LocalTime) return DataType.TIME;
        if (v instanceof InetAddress) return DataType.INET;
        if (v instanceof ByteBuffer || v instanceof byte[]) return DataType.BLOB;
        throw new IllegalArgumentException("routing value " + i + ": cannot tell the CQL type of " + v.getClass().getName()
                + "; serialize the key yourself and use withRoutingKey(ByteBuffer)");
    }
}
