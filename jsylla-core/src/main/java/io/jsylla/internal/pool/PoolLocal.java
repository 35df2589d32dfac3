package io.jsylla.internal.pool;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A value a layer above derives once per node from its address and keeps with the node's pool,
 * as a {@link ThreadLocal} keeps one per thread: the session's shared empty answer from each
 * node is one. The hot path reaches it from the pool it already holds (a volatile read and an
 * array slot), with no lookup by address, and the pool need not know the value's type.
 *
 * <p>Each instance takes a slot in every pool for good: make them constants.
 */
public final class PoolLocal<T> {
    private static final AtomicInteger SLOTS = new AtomicInteger();

    private final int slot = SLOTS.getAndIncrement();
    private final Function<InetSocketAddress, ? extends T> initial;

    /** @param initial makes the value from the node's address; may run more than once, one result is kept */
    public PoolLocal(Function<InetSocketAddress, ? extends T> initial) {
        this.initial = initial;
    }

    /** This pool's value, made on the first call. */
    @SuppressWarnings("unchecked") // only get() stores in this slot, and only a T
    public T get(NodePool pool) {
        Object[] values = pool.locals;
        Object v = slot < values.length ? values[slot] : null;
        if (v == null) v = pool.setLocal(slot, initial.apply(pool.address()));
        return (T) v;
    }
}
