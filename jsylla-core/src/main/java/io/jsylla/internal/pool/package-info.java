/**
 * Connection pools: the connections to each node (per shard on ScyllaDB, filled through the
 * shard-aware port from chosen local ports, {@code ShardAwareness}), their replacement with
 * backoff when they close, and the choice of the least busy one for a request (of the request's
 * shard). {@code PoolRegistry} holds the
 * session's pools by node address; a pool also holds the node's live counters and
 * {@code PoolLocal} values.
 *
 * <p>Dependencies: this package uses {@code internal.connection} and {@code internal.protocol}
 * (and the policies' {@code ReconnectionPolicy}); it knows a node only by its address and does
 * not use {@code internal.cluster}, which does not use it either: the session wires the control
 * connection's node events to the registry.
 */
package io.jsylla.internal.pool;
