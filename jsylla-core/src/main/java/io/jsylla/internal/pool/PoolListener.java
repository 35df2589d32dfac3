package io.jsylla.internal.pool;

import java.net.InetSocketAddress;
import java.util.OptionalInt;

/** What a pool tells the session of its node, by address: up and down, and the shards it found. */
@FunctionalInterface
public interface PoolListener {

    /** The pool gained its first connection (true) or lost its last (false). */
    void up(InetSocketAddress node, boolean up);

    /** The node's connections said how many shards it has (empty: none). */
    default void shards(InetSocketAddress node, OptionalInt shards) {
    }
}
