package io.jsylla.internal.routing;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Replicas of a partition per keyspace: the ring, the cluster's partitioner and each keyspace's
 * replication settings. Immutable from the outside and thread-safe; build a new one when the ring
 * or the schema changes.
 *
 * <p>Replica lists are computed on first use and cached per (replication strategy, ring position):
 * every token in a ring range has the same replicas, and keyspaces with equal settings share one
 * cache, so a cluster with many keyspaces and one or two replication settings costs
 * {@code positions x settings} lists at most. A cached list is returned as the same instance to
 * every caller.
 *
 * @param <N> the node type
 */
public final class TokenMap<N> {

    private final TokenRing<N> ring;
    private final Function<N, String> datacenterOf;
    private final Function<N, String> rackOf;
    private final Map<String, Map<String, String>> replicationByKeyspace;
    private final Map<String, Placement<N>> byKeyspace = new ConcurrentHashMap<>();
    private final Map<ReplicationStrategy<N>, Placement<N>> byStrategy = new ConcurrentHashMap<>();

    /** One strategy's replica lists, one slot per ring position, filled lazily. */
    private static final class Placement<N> {
        final ReplicationStrategy<N> strategy;
        final AtomicReferenceArray<List<N>> byPosition;

        Placement(ReplicationStrategy<N> strategy, int positions) {
            this.strategy = strategy;
            this.byPosition = new AtomicReferenceArray<>(positions);
        }

        List<N> at(TokenRing<N> ring, int position) {
            List<N> cached = byPosition.get(position);
            if (cached != null) {
                return cached;
            }
            // Any token of the range gives the same answer; the ring token stands for them all.
            List<N> computed = strategy.replicas(ring, ring.tokenAt(position));
            // Two threads may race to compute; keep the first so every caller sees one instance.
            return byPosition.compareAndSet(position, null, computed) ? computed : byPosition.get(position);
        }
    }

    private TokenMap(TokenRing<N> ring, Function<N, String> datacenterOf, Function<N, String> rackOf,
                     Map<String, Map<String, String>> replicationByKeyspace) {
        this.ring = Objects.requireNonNull(ring, "ring");
        this.datacenterOf = Objects.requireNonNull(datacenterOf, "datacenterOf");
        this.rackOf = Objects.requireNonNull(rackOf, "rackOf");
        Map<String, Map<String, String>> copy = new HashMap<>();
        replicationByKeyspace.forEach((ks, replication) -> copy.put(ks, Map.copyOf(replication)));
        this.replicationByKeyspace = copy;
    }

    /**
     * @param tokensByNode each node's tokens as the system tables list them (see {@link TokenRing})
     * @param replicationByKeyspace each keyspace's replication map from {@code system_schema.keyspaces}
     * @throws IllegalArgumentException if the ring is inconsistent (see {@link TokenRing})
     */
    public static <N> TokenMap<N> build(Partitioner p, Map<N, ? extends Collection<String>> tokensByNode,
                                        Function<N, String> datacenterOf, Function<N, String> rackOf,
                                        Map<String, Map<String, String>> replicationByKeyspace) {
        return build(new TokenRing<>(p, tokensByNode), datacenterOf, rackOf, replicationByKeyspace);
    }

    /** As above with an existing ring, for a schema change that leaves the ring as it was. */
    public static <N> TokenMap<N> build(TokenRing<N> ring, Function<N, String> datacenterOf,
                                        Function<N, String> rackOf,
                                        Map<String, Map<String, String>> replicationByKeyspace) {
        return new TokenMap<>(ring, datacenterOf, rackOf, replicationByKeyspace);
    }

    /**
     * The replicas of the partition with this routing key (a serialized partition key, see
     * {@link RoutingKey#compose}), primary first. Empty if the keyspace is unknown or the ring empty.
     */
    public List<N> replicas(String keyspace, ByteBuffer routingKey) {
        return replicas(keyspace, ring.partitioner().hash(routingKey));
    }

    /** The replicas of the partitions with this token, primary first; empty as above. */
    public List<N> replicas(String keyspace, Token token) {
        int position = ring.indexOf(token);
        Placement<N> placement = placement(keyspace);
        if (position < 0 || placement == null) {
            return List.of();
        }
        return placement.at(ring, position);
    }

    public Partitioner partitioner() {
        return ring.partitioner();
    }

    public TokenRing<N> ring() {
        return ring;
    }

    private Placement<N> placement(String keyspace) {
        Placement<N> known = byKeyspace.get(keyspace);
        if (known != null) {
            return known;
        }
        Map<String, String> replication = replicationByKeyspace.get(keyspace);
        if (replication == null) {
            return null;
        }
        ReplicationStrategy<N> strategy;
        try {
            strategy = ReplicationStrategies.of(replication, datacenterOf, rackOf);
        } catch (IllegalArgumentException e) {
            // Malformed settings must not break requests to this keyspace: the primary still routes.
            strategy = new ReplicationStrategies.PrimaryOnlyStrategy<>();
        }
        Placement<N> placement = byStrategy.computeIfAbsent(strategy, s -> new Placement<>(s, ring.size()));
        byKeyspace.putIfAbsent(keyspace, placement);
        return placement;
    }

    @Override
    public String toString() {
        return "TokenMap(" + ring + ", " + replicationByKeyspace.size() + " keyspaces)";
    }
}
