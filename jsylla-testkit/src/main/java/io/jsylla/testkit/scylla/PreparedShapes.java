package io.jsylla.testkit.scylla;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the simulator learned from PREPARED answers: per prepared id, the table and which bind
 * variables make up the partition key, so that each EXECUTE's token, and thus its shard, can be
 * computed as a shard-aware driver computes it; and, from the PREPARE text, each statement's
 * {@link StatementKind} (read or write, conditional or not). Shared by a node's connections, as prepared ids
 * are per node, not per connection.
 */
public final class PreparedShapes {

    /**
     * One prepared statement's bind variables.
     *
     * @param partitionKey indexes of the bind variables holding the partition key components, in
     *                     key order (empty when the statement does not pin a partition)
     * @param names the bind variables' names, in order
     * @param typeIds their CQL type ids (the [option] ids of the protocol)
     */
    public record Shape(String keyspace, String table, int[] partitionKey, List<String> names, int[] typeIds) {}

    private final Map<ByteBuffer, Shape> shapes = new ConcurrentHashMap<>();
    private final Map<ByteBuffer, StatementKind> kinds = new ConcurrentHashMap<>();

    /** Remembers the kind of a prepared statement, read from its PREPARE text. */
    void recordKind(byte[] id, StatementKind kind) {
        kinds.put(ByteBuffer.wrap(id), kind);
    }

    /** The kind of a prepared statement; null when its PREPARE was not seen (or was compressed). */
    StatementKind kind(byte[] id) {
        return kinds.get(ByteBuffer.wrap(id));
    }

    public Shape get(byte[] id) {
        return shapes.get(ByteBuffer.wrap(id));
    }

    public int size() {
        return shapes.size();
    }

    /**
     * Records a PREPARED result (v4), {@code body} positioned just after the result kind; returns
     * the recorded shape, or null when the statement has no bind variables.
     */
    public Shape record(ByteBuffer body) {
        byte[] id = Frames.readShortBytes(body);
        Shape shape = parseMetadata(body);
        if (shape != null) shapes.put(ByteBuffer.wrap(id), shape);
        return shape;
    }

    /** The prepared metadata: flags, columns_count, pk_count, pk_indexes, table spec, column specs. */
    static Shape parseMetadata(ByteBuffer b) {
        int flags = b.getInt();
        int columns = b.getInt();
        int pkCount = b.getInt();
        int[] pk = new int[pkCount];
        for (int i = 0; i < pkCount; i++) pk[i] = b.getShort() & 0xFFFF;
        if (columns == 0) return null;
        boolean global = (flags & 0x0001) != 0;
        String keyspace = null, table = null;
        if (global) {
            keyspace = Frames.readString(b);
            table = Frames.readString(b);
        }
        List<String> names = new ArrayList<>(columns);
        int[] types = new int[columns];
        for (int i = 0; i < columns; i++) {
            if (!global) {
                String ks = Frames.readString(b), t = Frames.readString(b);
                if (keyspace == null) {
                    keyspace = ks;
                    table = t;
                }
            }
            names.add(Frames.readString(b));
            types[i] = b.getShort(b.position()) & 0xFFFF;
            Frames.skipType(b);
        }
        return new Shape(keyspace, table, pk, List.copyOf(names), types);
    }
}
