package io.jsylla.internal.pool;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The session's pools, one per node, keyed by the node's address: the one link between a node
 * of the cluster state (a value that changes) and what is live about it. Requests look a pool
 * up by address (one hash lookup, no lock); the session adds and removes pools as the control
 * connection reports nodes, and closes them all at the end.
 */
public final class PoolRegistry {
    private final Map<InetSocketAddress, NodePool> pools = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** The pool of the node at this address, or null. */
    public NodePool get(InetSocketAddress address) {
        return pools.get(address);
    }

    /** Every pool, at the moment of the call. */
    public Collection<NodePool> all() {
        return pools.values();
    }

    /**
     * The pool for this address, made by {@code make} unless one exists (making must not open
     * connections: that is the caller's next step, {@link NodePool#init()}, on a pool that is
     * registered); null once the registry is closed.
     */
    public NodePool add(InetSocketAddress address, Function<InetSocketAddress, NodePool> make) {
        if (closed) return null;
        NodePool pool = pools.computeIfAbsent(address, make);
        if (closed) { // closeAll ran meanwhile and may have missed it
            pools.remove(address, pool);
            pool.close();
            return null;
        }
        return pool;
    }

    /** Removes and closes the pool of this address, if any. */
    public CompletableFuture<Void> remove(InetSocketAddress address) {
        NodePool pool = pools.remove(address);
        return pool == null ? CompletableFuture.completedFuture(null) : pool.close();
    }

    /** Closes every pool, and refuses new ones. */
    public CompletableFuture<Void> closeAll() {
        closed = true;
        return CompletableFuture.allOf(pools.keySet().stream().map(this::remove).toArray(CompletableFuture[]::new));
    }
}
