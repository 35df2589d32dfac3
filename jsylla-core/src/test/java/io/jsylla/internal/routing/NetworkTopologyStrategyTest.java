package io.jsylla.internal.routing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkTopologyStrategyTest {

    record Node(String name, String dc, String rack) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Node A1 = new Node("a1", "dc1", "r1");
    private static final Node A2 = new Node("a2", "dc1", "r1");
    private static final Node A3 = new Node("a3", "dc1", "r1");
    private static final Node A4 = new Node("a4", "dc1", "r2");
    private static final Node B1 = new Node("b1", "dc2", "r1");
    private static final Node B2 = new Node("b2", "dc2", "r2");
    private static final Node B3 = new Node("b3", "dc2", "r3");

    /** Ring 0:a1 10:a2 20:b1 30:a3 40:b2 50:a4 60:b3 70:a1 (a1 has a second vnode). */
    private static TokenRing<Node> ring() {
        Map<Node, List<String>> tokens = new LinkedHashMap<>();
        tokens.put(A1, List.of("0", "70"));
        tokens.put(A2, List.of("10"));
        tokens.put(B1, List.of("20"));
        tokens.put(A3, List.of("30"));
        tokens.put(B2, List.of("40"));
        tokens.put(A4, List.of("50"));
        tokens.put(B3, List.of("60"));
        return new TokenRing<>(Murmur3Partitioner.INSTANCE, tokens);
    }

    private static List<Node> replicas(TokenRing<Node> ring, long token, String... dcAndRf) {
        Map<String, String> replication = new HashMap<>();
        replication.put("class", "org.apache.cassandra.locator.NetworkTopologyStrategy");
        for (int i = 0; i < dcAndRf.length; i += 2) {
            replication.put(dcAndRf[i], dcAndRf[i + 1]);
        }
        return ReplicationStrategies.<Node>of(replication, Node::dc, Node::rack)
                .replicas(ring, new Murmur3Token(token));
    }

    @Test
    void twoDatacentersInRingWalkOrder() {
        // dc1 (racks r1, r2): a1, then a4 the first r2 node; dc2: b1, b2.
        assertThat(replicas(ring(), 0, "dc1", "2", "dc2", "2")).containsExactly(A1, B1, B2, A4);
        assertThat(replicas(ring(), 35, "dc1", "1", "dc2", "3")).containsExactly(B2, A4, B3, B1);
    }

    @Test
    void rackDiversityFirstThenFillInWalkOrder() {
        // dc1 has r1 (a1, a2, a3) and r2 (a4); RF 3 allows one rack repeat: the first one met (a2).
        // SimpleStrategy-like walking would pick a1, a2, a3 and leave r2 without a replica.
        assertThat(replicas(ring(), 0, "dc1", "3")).containsExactly(A1, A2, A4);
        assertThat(replicas(ring(), 0, "dc1", "2")).containsExactly(A1, A4);
        // From a2: a2 (r1), a3 (repeat), a4 (r2).
        assertThat(replicas(ring(), 5, "dc1", "3")).containsExactly(A2, A3, A4);
    }

    @Test
    void rfAboveTheDatacenterSizeTakesAllItsNodes() {
        assertThat(replicas(ring(), 0, "dc2", "5")).containsExactly(B1, B2, B3);
        assertThat(replicas(ring(), 0, "dc1", "9")).containsExactly(A1, A2, A3, A4);
    }

    @Test
    void datacentersAbsentFromTheRingOrWithRfZeroGetNothing() {
        assertThat(replicas(ring(), 0, "dc1", "1", "dc9", "3")).containsExactly(A1);
        assertThat(replicas(ring(), 0, "dc1", "0", "dc2", "1")).containsExactly(B1);
        assertThat(replicas(ring(), 0, "dc9", "3")).isEmpty();
    }

    @Test
    void primaryComesFirstAndWrapsAround() {
        assertThat(replicas(ring(), 65, "dc1", "2", "dc2", "1")).containsExactly(A1, B1, A4);
        assertThat(replicas(ring(), 71, "dc1", "2", "dc2", "1")).containsExactly(A1, B1, A4);
    }

    // ---- against a naive implementation on random rings ----

    /**
     * The textbook description, one datacenter at a time: walk the ring; take nodes on unused racks;
     * keep nodes on used racks aside and, once every rack has a replica, take the kept ones in the
     * order met, then any node. Finally order everything by when the walk first meets it.
     */
    private static List<Node> naive(TokenRing<Node> ring, Token token, Map<String, Integer> rfs) {
        int start = ring.indexOf(token);
        List<Node> walk = new ArrayList<>();
        for (int i = 0; i < ring.size(); i++) {
            Node n = ring.ownerAt((start + i) % ring.size());
            if (!walk.contains(n)) {
                walk.add(n); // distinct nodes in first-met order
            }
        }
        Set<Node> chosen = new HashSet<>();
        rfs.forEach((dc, rf) -> {
            List<Node> dcNodes = walk.stream().filter(n -> n.dc().equals(dc)).toList();
            Set<String> allRacks = new HashSet<>(dcNodes.stream().map(Node::rack).toList());
            int want = Math.min(rf, dcNodes.size());
            List<Node> mine = new ArrayList<>();
            List<Node> keptAside = new ArrayList<>();
            Set<String> usedRacks = new HashSet<>();
            for (Node n : dcNodes) {
                if (mine.size() == want) {
                    break;
                }
                if (usedRacks.containsAll(allRacks)) {
                    mine.add(n);
                } else if (usedRacks.add(n.rack())) {
                    mine.add(n);
                    if (usedRacks.containsAll(allRacks)) {
                        while (!keptAside.isEmpty() && mine.size() < want) {
                            mine.add(keptAside.remove(0));
                        }
                    }
                } else {
                    keptAside.add(n);
                }
            }
            chosen.addAll(mine);
        });
        return walk.stream().filter(chosen::contains).toList();
    }

    @Test
    void matchesNaiveImplementationOnRandomRings() {
        for (int seed = 0; seed < 400; seed++) {
            Random random = new Random(seed);
            Map<Node, List<String>> tokens = new LinkedHashMap<>();
            Set<Long> used = new HashSet<>();
            int dcs = 1 + random.nextInt(3);
            for (int d = 1; d <= dcs; d++) {
                int nodes = 1 + random.nextInt(8);
                int racks = 1 + random.nextInt(4);
                for (int k = 0; k < nodes; k++) {
                    Node node = new Node("n" + d + "." + k, "dc" + d, "rack" + random.nextInt(racks));
                    List<String> mine = new ArrayList<>();
                    for (int v = 1 + random.nextInt(6); v > 0; v--) {
                        long t = random.nextLong();
                        if (used.add(t)) {
                            mine.add(Long.toString(t));
                        }
                    }
                    tokens.put(node, mine);
                }
            }
            TokenRing<Node> ring = new TokenRing<>(Murmur3Partitioner.INSTANCE, tokens);
            Map<String, Integer> rfs = new LinkedHashMap<>();
            Map<String, String> replication = new HashMap<>(Map.of("class", "NetworkTopologyStrategy"));
            for (int d = 1; d <= dcs + 1; d++) { // dc(dcs+1) is not on the ring
                int rf = random.nextInt(6);
                rfs.put("dc" + d, rf);
                replication.put("dc" + d, Integer.toString(rf));
            }
            ReplicationStrategy<Node> nts = ReplicationStrategies.of(replication, Node::dc, Node::rack);
            for (int probe = 0; probe < 20; probe++) {
                Token token = new Murmur3Token(random.nextLong());
                List<Node> actual = nts.replicas(ring, token);
                String context = "seed " + seed + ", token " + token + ", ring " + tokens + ", rf " + rfs;
                assertThat(actual).as(context).isEqualTo(naive(ring, token, rfs));
                checkInvariants(ring, token, rfs, actual, context);
            }
        }
    }

    /** What any correct placement satisfies, independently of both implementations. */
    private static void checkInvariants(TokenRing<Node> ring, Token token, Map<String, Integer> rfs,
                                        List<Node> actual, String context) {
        assertThat(new LinkedHashSet<>(actual)).as(context).hasSameSizeAs(actual);
        for (Map.Entry<String, Integer> e : rfs.entrySet()) {
            List<Node> dcNodes = ring.nodes().stream().filter(n -> n.dc().equals(e.getKey())).toList();
            List<Node> inDc = actual.stream().filter(n -> n.dc().equals(e.getKey())).toList();
            int want = Math.min(e.getValue(), dcNodes.size());
            assertThat(inDc).as(context).hasSize(want);
            long racks = dcNodes.stream().map(Node::rack).distinct().count();
            assertThat(inDc.stream().map(Node::rack).distinct().count()).as(context).isEqualTo(Math.min(want, racks));
        }
        Node primary = ring.owner(token);
        if (rfs.getOrDefault(primary.dc(), 0) > 0) {
            assertThat(actual.get(0)).as(context).isEqualTo(primary);
        }
        // Ring-walk order: positions of first encounter increase along the list.
        List<Node> walkOrder = new ArrayList<>(actual);
        int start = ring.indexOf(token);
        walkOrder.sort(Comparator.comparingInt(n -> firstMet(ring, start, n)));
        assertThat(actual).as(context).isEqualTo(walkOrder);
    }

    private static int firstMet(TokenRing<Node> ring, int start, Node node) {
        for (int i = 0; i < ring.size(); i++) {
            if (ring.ownerAt((start + i) % ring.size()).equals(node)) {
                return i;
            }
        }
        throw new AssertionError(node + " is not on the ring");
    }
}
