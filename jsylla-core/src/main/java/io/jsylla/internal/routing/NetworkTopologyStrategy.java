package io.jsylla.internal.routing;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Cassandra's {@code NetworkTopologyStrategy}: {@code rf} replicas per datacenter, spread over as
 * many racks as possible, computed in one ring walk the way the server does.
 *
 * <p>For each datacenter, a node on a rack that has no replica yet is always taken. A node on an
 * already used rack is taken only while "rack repeats" remain: {@code rf - racks in the DC} of them,
 * so that enough replicas are left for the unused racks. The repeats taken are thus the first
 * {@code rf - racks} such nodes the walk meets: the same set the older description "keep skipped
 * nodes aside and use them in the order met once every rack has a replica" yields, and the list
 * is in walk order as the server returns it. A datacenter stops at {@code min(rf, its nodes)}
 * replicas; datacenters with RF 0 or no node on the ring get none.
 *
 * <p>Equality covers the factors and the identity of the location functions, which is what
 * {@link TokenMap} needs to share results between keyspaces.
 */
record NetworkTopologyStrategy<N>(Map<String, Integer> factors, Function<N, String> datacenterOf,
                                  Function<N, String> rackOf) implements ReplicationStrategy<N> {

    NetworkTopologyStrategy {
        // Not Map.copyOf: a node with no datacenter (null) must be looked up without an NPE.
        factors = Collections.unmodifiableMap(new HashMap<>(factors));
        Objects.requireNonNull(datacenterOf, "datacenterOf");
        Objects.requireNonNull(rackOf, "rackOf");
    }

    /** Replicas still wanted from one datacenter during a walk. */
    private static final class DcState {
        final Set<String> usedRacks = new HashSet<>();
        int wanted;
        int rackRepeats;

        DcState(int rf, int nodes, int racks) {
            wanted = Math.min(rf, nodes);
            rackRepeats = rf - racks;
        }
    }

    @Override
    public List<N> replicas(TokenRing<N> ring, Token token) {
        int start = ring.indexOf(token);
        if (start < 0) {
            return List.of();
        }
        // The ring's topology: how many nodes and racks each replicated DC has.
        Map<String, Integer> nodeCounts = new HashMap<>();
        Map<String, Set<String>> racks = new HashMap<>();
        for (N node : ring.nodes()) {
            String dc = datacenterOf.apply(node);
            if (factors.getOrDefault(dc, 0) > 0) {
                nodeCounts.merge(dc, 1, Integer::sum);
                racks.computeIfAbsent(dc, d -> new HashSet<>()).add(rackOf.apply(node));
            }
        }
        Map<String, DcState> states = new HashMap<>();
        nodeCounts.forEach((dc, n) -> states.put(dc, new DcState(factors.get(dc), n, racks.get(dc).size())));

        Set<N> replicas = new LinkedHashSet<>();
        int dcsToFill = states.size();
        for (int i = 0; i < ring.size() && dcsToFill > 0; i++) {
            N node = ring.ownerAt((start + i) % ring.size());
            DcState dc = states.get(datacenterOf.apply(node));
            if (dc == null || dc.wanted == 0) {
                continue;
            }
            boolean taken;
            if (dc.usedRacks.add(rackOf.apply(node))) {
                taken = replicas.add(node); // first node of its rack: always new
            } else if (dc.rackRepeats > 0 && replicas.add(node)) {
                dc.rackRepeats--;
                taken = true;
            } else {
                taken = false; // a rack repeat not allowed yet, or another token of a replica
            }
            if (taken && --dc.wanted == 0) {
                dcsToFill--;
            }
        }
        return List.copyOf(replicas);
    }
}
