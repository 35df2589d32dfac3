package io.jsylla.internal.routing;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Builds the {@link ReplicationStrategy} a keyspace's replication settings describe. */
public final class ReplicationStrategies {

    private static final String LOCATOR = "org.apache.cassandra.locator.";

    private ReplicationStrategies() {
    }

    /**
     * The strategy of a keyspace, from its replication map as {@code system_schema.keyspaces}
     * stores it. The {@code class} is a fully qualified {@code org.apache.cassandra.locator} name
     * or its simple name:
     * <ul>
     *   <li>{@code SimpleStrategy} with {@code replication_factor}: the first RF distinct nodes
     *       walking the ring from the token;</li>
     *   <li>{@code NetworkTopologyStrategy} with one factor per datacenter: rack-aware, as the
     *       server places them (see the package-private class of that name); datacenters absent
     *       from the ring get no replica;</li>
     *   <li>{@code EverywhereStrategy} (ScyllaDB): every node, from the primary replica on;</li>
     *   <li>{@code LocalStrategy} (system keyspaces): each node keeps its own copy, so there is no
     *       replica the driver can route to: always an empty list;</li>
     *   <li>any other class, or a map without {@code class}: only the primary replica, the one
     *       node certain to own the token whatever the strategy does.</li>
     * </ul>
     * Factors may use the transient form {@code "3/1"}: the full factor before the slash counts.
     *
     * @throws IllegalArgumentException if a replication factor is not a non-negative integer
     */
    public static <N> ReplicationStrategy<N> of(Map<String, String> replication,
                                                Function<N, String> datacenterOf,
                                                Function<N, String> rackOf) {
        String cls = replication.get("class");
        String simpleName = cls == null ? "" : cls.trim();
        if (simpleName.startsWith(LOCATOR)) {
            simpleName = simpleName.substring(LOCATOR.length());
        } else if (simpleName.contains(".")) {
            simpleName = ""; // a class from another package is not the one we know the rules of
        }
        switch (simpleName) {
            case "SimpleStrategy": {
                String rf = replication.get("replication_factor");
                if (rf == null) {
                    throw new IllegalArgumentException("SimpleStrategy without replication_factor: " + replication);
                }
                return new SimpleStrategy<>(factor("replication_factor", rf));
            }
            case "NetworkTopologyStrategy": {
                Map<String, Integer> factors = new HashMap<>();
                replication.forEach((key, value) -> {
                    // "replication_factor" is a CREATE-time shorthand the server expands per DC.
                    if (!key.equals("class") && !key.equals("replication_factor")) {
                        factors.put(key, factor(key, value));
                    }
                });
                return new NetworkTopologyStrategy<>(factors, datacenterOf, rackOf);
            }
            case "EverywhereStrategy":
                return new EverywhereStrategy<>();
            case "LocalStrategy":
                return new LocalStrategy<>();
            default:
                return new PrimaryOnlyStrategy<>();
        }
    }

    /** "3" or the transient form "3/1" (3 replicas, 1 of them transient) -> 3. */
    static int factor(String key, String value) {
        String full = value.trim();
        int slash = full.indexOf('/');
        if (slash >= 0) {
            full = full.substring(0, slash).trim();
        }
        try {
            int rf = Integer.parseInt(full);
            if (rf >= 0) {
                return rf;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("invalid replication factor for " + key + ": '" + value + "'");
    }

    /** Walks the ring from the token's position, collecting distinct nodes until {@code limit}. */
    static <N> List<N> walk(TokenRing<N> ring, Token token, int limit) {
        int start = ring.indexOf(token);
        if (start < 0 || limit <= 0) {
            return List.of();
        }
        int wanted = Math.min(limit, ring.nodes().size());
        Set<N> replicas = new LinkedHashSet<>();
        for (int i = 0; i < ring.size() && replicas.size() < wanted; i++) {
            replicas.add(ring.ownerAt((start + i) % ring.size()));
        }
        return List.copyOf(replicas);
    }

    /** Cassandra's SimpleStrategy: the first {@code rf} distinct nodes of the ring walk. */
    record SimpleStrategy<N>(int replicationFactor) implements ReplicationStrategy<N> {
        @Override
        public List<N> replicas(TokenRing<N> ring, Token token) {
            return walk(ring, token, replicationFactor);
        }
    }

    /** ScyllaDB's EverywhereStrategy: every node, in ring-walk order. */
    record EverywhereStrategy<N>() implements ReplicationStrategy<N> {
        @Override
        public List<N> replicas(TokenRing<N> ring, Token token) {
            return walk(ring, token, Integer.MAX_VALUE);
        }
    }

    /** LocalStrategy: data lives on whichever node is asked; no node is a better target. */
    record LocalStrategy<N>() implements ReplicationStrategy<N> {
        @Override
        public List<N> replicas(TokenRing<N> ring, Token token) {
            Objects.requireNonNull(token, "token");
            return List.of();
        }
    }

    /**
     * Unknown strategies: only the owner of the token's range, the one node a ring-based strategy
     * most likely uses; better a single likely replica than a guess at the others.
     */
    record PrimaryOnlyStrategy<N>() implements ReplicationStrategy<N> {
        @Override
        public List<N> replicas(TokenRing<N> ring, Token token) {
            return walk(ring, token, 1);
        }
    }
}
