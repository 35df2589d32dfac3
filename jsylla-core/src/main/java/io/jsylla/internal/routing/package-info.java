/**
 * Token-aware routing: which nodes hold the replicas of a partition.
 *
 * <p>This package owns the partitioners ({@link io.jsylla.internal.routing.Partitioner}: Murmur3,
 * Random, ByteOrdered, reproducing the server's hashing bit for bit), the token ring built from the
 * tokens {@code system.local}/{@code system.peers} list ({@link io.jsylla.internal.routing.TokenRing}),
 * the replication strategies a keyspace's {@code system_schema.keyspaces} replication map names
 * ({@link io.jsylla.internal.routing.ReplicationStrategies}), the composite routing key layout
 * ({@link io.jsylla.internal.routing.RoutingKey}) and, tying these together with per-position caching,
 * {@link io.jsylla.internal.routing.TokenMap}.
 *
 * <p>It is pure computation on the JDK alone and generic over the node type {@code N}, so it
 * depends on neither the driver's node/metadata classes nor any I/O: the cluster layer feeds it
 * tokens, locations and schema, and the load balancer asks it for replicas. It does not know about
 * ScyllaDB tablets, whose replicas are not derived from the token ring.
 */
package io.jsylla.internal.routing;
