package io.jsylla.internal.request;

import io.jsylla.ColumnSpec;
import io.jsylla.PreparedStatement;
import io.jsylla.internal.protocol.KnownSpecs;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Statements prepared transparently, least recently used out first, keyed by keyspace and CQL
 * text; concurrent first uses share one PREPARE. Also the latest result shape of each statement
 * id, which protocol v5 updates when a table changes under a prepared SELECT.
 *
 * <p>Shapes are kept for at most {@link #MAX_SHAPES} ids, least recently used out first. Losing one
 * is harmless: the statement then sends the metadata id it was prepared with, and a v5 node that
 * knows newer metadata answers with it again (METADATA_CHANGED).
 */
public final class PreparedCache {
    private record Key(String keyspace, String cql) {}

    /**
     * The result columns and their metadata id (v5), as last reported for a statement, and on v4
     * the wire form of those columns (null until an answer brought them) to recognise them again.
     */
    public record ResultShape(byte[] metadataId, List<ColumnSpec> columns, KnownSpecs v4Specs) {
        public ResultShape(byte[] metadataId, List<ColumnSpec> columns) {
            this(metadataId, columns, null);
        }
    }

    static final int MAX_SHAPES = 10_000;

    private final int capacity;
    private final Map<Key, CompletableFuture<PreparedStatement>> lru;
    private final Map<ByteBuffer, ResultShape> shapes = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, ResultShape> eldest) {
            return size() > MAX_SHAPES;
        }
    };

    public PreparedCache(int capacity) {
        this.capacity = capacity;
        this.lru = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<PreparedStatement>> eldest) {
                return size() > PreparedCache.this.capacity;
            }
        };
    }

    /** The cached statement, or the one {@code prepare} makes; a failed prepare is not kept. */
    public CompletableFuture<PreparedStatement> get(String keyspace, String cql, Supplier<CompletableFuture<PreparedStatement>> prepare) {
        Key key = new Key(keyspace, cql);
        CompletableFuture<PreparedStatement> f;
        boolean mine = false;
        synchronized (lru) {
            f = lru.get(key);
            if (f == null) {
                f = new CompletableFuture<>();
                lru.put(key, f);
                mine = true;
            }
        }
        if (mine) {
            CompletableFuture<PreparedStatement> target = f;
            prepare.get().whenComplete((ps, e) -> {
                if (e != null) {
                    synchronized (lru) {
                        lru.remove(key, target);
                    }
                    target.completeExceptionally(e);
                } else {
                    target.complete(ps);
                }
            });
        }
        return f;
    }

    public int size() {
        synchronized (lru) {
            return lru.size();
        }
    }

    public void shape(byte[] id, ResultShape shape) {
        synchronized (shapes) {
            shapes.put(ByteBuffer.wrap(id.clone()), shape);
        }
    }

    /** The latest known result shape of a statement id, or null. */
    public ResultShape shape(byte[] id) {
        synchronized (shapes) {
            return shapes.get(ByteBuffer.wrap(id));
        }
    }

    int shapeCount() {
        synchronized (shapes) {
            return shapes.size();
        }
    }

    @Override
    public String toString() {
        return "PreparedCache[" + size() + "/" + capacity + "]";
    }
}
