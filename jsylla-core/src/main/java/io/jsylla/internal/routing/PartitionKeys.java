package io.jsylla.internal.routing;

import io.jsylla.DataType;
import io.jsylla.internal.codec.BoundValues;
import io.jsylla.internal.codec.Codecs;
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

/**
 * A statement's partition key and its token, found in its bound values' wire form (the
 * variables at the partition key indexes the node gave at PREPARE), or made from plain Java
 * values. A one-column key is hashed in place, without a view of it.
 */
public final class PartitionKeys {
    private PartitionKeys() {}

    /**
     * The serialized partition key: one value as a view of {@code wire}, several composed; null
     * when no index is known or a key value is null or unset (nothing to route by).
     *
     * @param wire  the {@code count} bound values as [value]s back to back
     */
    public static ByteBuffer of(byte[] wire, int count, int[] pkIndexes) {
        if (pkIndexes.length == 0) return null;
        if (pkIndexes.length == 1) return valueAt(wire, count, pkIndexes[0]);
        List<ByteBuffer> parts = new ArrayList<>(pkIndexes.length);
        for (int i : pkIndexes) {
            ByteBuffer v = valueAt(wire, count, i);
            if (v == null) return null;
            parts.add(v);
        }
        return RoutingKey.compose(parts);
    }

    /** The token of that key under {@code partitioner}, or null as {@link #of}. */
    public static Token token(byte[] wire, int count, int[] pkIndexes, Partitioner partitioner) {
        if (pkIndexes.length == 1) {
            int at = BoundValues.offset(wire, count, pkIndexes[0]);
            int len = BoundValues.lengthAt(wire, at);
            return len < 0 ? null : partitioner.hash(wire, at + 4, len);
        }
        ByteBuffer key = of(wire, count, pkIndexes);
        return key == null ? null : partitioner.hash(key);
    }

    private static ByteBuffer valueAt(byte[] wire, int count, int i) {
        int at = BoundValues.offset(wire, count, i);
        int len = BoundValues.lengthAt(wire, at);
        return len < 0 ? null : ByteBuffer.wrap(wire, at + 4, len); // read, never written, by contract
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
