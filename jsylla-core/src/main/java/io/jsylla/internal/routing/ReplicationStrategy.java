package io.jsylla.internal.routing;

import java.util.List;

/**
 * Where a keyspace keeps the copies of a partition, given the ring. Implementations are immutable,
 * thread-safe and compare equal when they place replicas identically on any ring, so that
 * {@link TokenMap} can share computed replica lists between keyspaces with the same settings.
 *
 * @param <N> the node type
 */
public interface ReplicationStrategy<N> {

    /**
     * The replicas of the partitions whose token is {@code token}: distinct nodes in the order a
     * walk of the ring meets them, starting at the owner of the range {@code token} falls in, so the
     * primary replica comes first (unless the strategy puts no replica in its datacenter).
     * Immutable; empty if the ring is empty.
     */
    List<N> replicas(TokenRing<N> ring, Token token);
}
