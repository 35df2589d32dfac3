package io.jsylla.internal.session;

import io.jsylla.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Statements prepared transparently, least recently used out first, keyed by keyspace and CQL
 * text; concurrent first uses share one PREPARE. A statement's result shape lives with it
 * ({@link Prepared}), not here.
 */
public final class PreparedCache {
    private record Key(String keyspace, String cql) {}

    private final int capacity;
    private final Map<Key, CompletableFuture<PreparedStatement>> lru;
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

    @Override
    public String toString() {
        return "PreparedCache[" + size() + "/" + capacity + "]";
    }
}
