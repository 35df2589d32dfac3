package io.jsylla.policies;

import static io.jsylla.policies.FakeCluster.ROUTED;
import static io.jsylla.policies.FakeCluster.UNROUTED;
import static io.jsylla.policies.FakeCluster.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsylla.NodeInfo;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefaultLoadBalancingPolicyTest {
    // dc1 (local): 1-3 on rack r1, 4-5 on r2, 6 down on r1. dc2: 11-13 up, 14 down. dc3: 21-22 up.
    private final FakeCluster cluster = new FakeCluster("dc1");
    private final NodeInfo n1 = cluster.add(1, "dc1", "r1", true);
    private final NodeInfo n2 = cluster.add(2, "dc1", "r1", true);
    private final NodeInfo n3 = cluster.add(3, "dc1", "r1", true);
    private final NodeInfo n4 = cluster.add(4, "dc1", "r2", true);
    private final NodeInfo n5 = cluster.add(5, "dc1", "r2", true);
    private final NodeInfo n6 = cluster.add(6, "dc1", "r1", false);
    private final NodeInfo n11 = cluster.add(11, "dc2", "r1", true);
    private final NodeInfo n12 = cluster.add(12, "dc2", "r1", true);
    private final NodeInfo n13 = cluster.add(13, "dc2", "r1", true);
    private final NodeInfo n14 = cluster.add(14, "dc2", "r1", false);
    private final NodeInfo n21 = cluster.add(21, "dc3", "r1", true);
    private final NodeInfo n22 = cluster.add(22, "dc3", "r1", true);

    private static DefaultLoadBalancingPolicy.Builder seeded() {
        return DefaultLoadBalancingPolicy.builder().random(new Random(42));
    }

    @Test
    void replicasComeFirstShuffledButAllPresent() {
        cluster.replicas(n1, n2, n4);
        DefaultLoadBalancingPolicy policy = seeded().build();
        Set<NodeInfo> firsts = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            List<NodeInfo> plan = list(policy.newQueryPlan(ROUTED, cluster));
            assertThat(plan.subList(0, 3)).containsExactlyInAnyOrder(n1, n2, n4);
            assertThat(plan).doesNotHaveDuplicates().containsExactlyInAnyOrder(n1, n2, n3, n4, n5, n6);
            firsts.add(plan.get(0));
        }
        assertThat(firsts).containsExactlyInAnyOrder(n1, n2, n4);
    }

    @Test
    void replicasInRingOrderWithoutShuffle() {
        cluster.replicas(n4, n1, n2);
        DefaultLoadBalancingPolicy policy = DefaultLoadBalancingPolicy.builder().shuffleReplicas(false).build();
        for (int i = 0; i < 5; i++) {
            assertThat(list(policy.newQueryPlan(ROUTED, cluster)).subList(0, 3)).containsExactly(n4, n1, n2);
        }
    }

    @Test
    void localRackComesFirstAmongReplicasAndOthers() {
        cluster.replicas(n1, n4, n2);
        DefaultLoadBalancingPolicy policy = seeded().localRack("r2").build();
        for (int i = 0; i < 20; i++) {
            List<NodeInfo> plan = list(policy.newQueryPlan(ROUTED, cluster));
            assertThat(plan.get(0)).isEqualTo(n4);
            assertThat(plan.subList(1, 3)).containsExactlyInAnyOrder(n1, n2);
            // Of the non-replicas, the rack-local one (5) before the other (3).
            assertThat(plan.subList(3, 6)).containsExactly(n5, n3, n6);
        }
    }

    @Test
    void downReplicasAreNotTriedFirst() {
        NodeInfo down2 = FakeCluster.node(2, "dc1", "r1", false);
        cluster.nodes.set(1, down2);
        cluster.replicas(n1, down2, n3);
        List<NodeInfo> plan = list(seeded().build().newQueryPlan(ROUTED, cluster));
        assertThat(plan.subList(0, 2)).containsExactlyInAnyOrder(n1, n3);
        assertThat(plan.subList(2, 4)).containsExactlyInAnyOrder(n4, n5);
        assertThat(plan.subList(4, 6)).containsExactlyInAnyOrder(down2, n6);
    }

    @Test
    void noRemoteNodeWithoutFailover() {
        cluster.replicas(n1, n11, n21);
        List<NodeInfo> plan = list(seeded().build().newQueryPlan(ROUTED, cluster));
        assertThat(plan).extracting(NodeInfo::datacenter).containsOnly("dc1");
        assertThat(plan.get(0)).isEqualTo(n1);
        assertThat(plan).hasSize(6);
    }

    @Test
    void remoteFailoverOrder() {
        cluster.replicas(n11, n1, n2);
        DefaultLoadBalancingPolicy policy = seeded().allowRemoteDatacenterFailover(true).build();
        List<NodeInfo> plan = list(policy.newQueryPlan(ROUTED, cluster));
        assertThat(plan.subList(0, 2)).containsExactlyInAnyOrder(n1, n2); // local replicas
        assertThat(plan.get(2)).isEqualTo(n11);                           // remote replica
        assertThat(plan.subList(3, 6)).containsExactlyInAnyOrder(n3, n4, n5); // other local up nodes
        // One more up node of dc2 (2 in all, replica included), both of dc3, then the down ones.
        assertThat(plan.subList(6, 9)).extracting(NodeInfo::datacenter).containsExactlyInAnyOrder("dc2", "dc3", "dc3");
        assertThat(plan.subList(9, 11)).containsExactly(n6, n14);
        assertThat(plan).hasSize(11).doesNotHaveDuplicates();
    }

    @Test
    void maxNodesPerRemoteDatacenterBoundsEachRemoteDatacenter() {
        for (int max = 0; max <= 4; max++) {
            DefaultLoadBalancingPolicy policy = seeded().allowRemoteDatacenterFailover(true)
                    .maxNodesPerRemoteDatacenter(max).build();
            List<NodeInfo> plan = list(policy.newQueryPlan(UNROUTED, cluster));
            Map<String, Integer> upPerDc = new HashMap<>();
            for (NodeInfo n : plan) if (n.isUp()) upPerDc.merge(n.datacenter(), 1, Integer::sum);
            assertThat(upPerDc.getOrDefault("dc2", 0)).isEqualTo(Math.min(max, 3));
            assertThat(upPerDc.getOrDefault("dc3", 0)).isEqualTo(Math.min(max, 2));
            assertThat(upPerDc.get("dc1")).isEqualTo(5);
        }
        assertThatThrownBy(() -> DefaultLoadBalancingPolicy.builder().maxNodesPerRemoteDatacenter(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxNodesPerRemoteDatacenter");
    }

    @Test
    void remoteReplicasCountTowardsTheRemoteLimit() {
        cluster.replicas(n1, n11, n12, n13);
        DefaultLoadBalancingPolicy policy = seeded().allowRemoteDatacenterFailover(true).shuffleReplicas(false).build();
        List<NodeInfo> plan = list(policy.newQueryPlan(ROUTED, cluster));
        assertThat(plan.subList(0, 3)).containsExactly(n1, n11, n12);
        assertThat(plan).doesNotContain(n13);
    }

    @Test
    void downNodesLastLocalFirst() {
        DefaultLoadBalancingPolicy policy = seeded().allowRemoteDatacenterFailover(true).build();
        for (int i = 0; i < 10; i++) {
            List<NodeInfo> plan = list(policy.newQueryPlan(UNROUTED, cluster));
            assertThat(plan.subList(plan.size() - 2, plan.size())).containsExactly(n6, n14);
            assertThat(plan.subList(0, plan.size() - 2)).allMatch(NodeInfo::isUp);
        }
    }

    @Test
    void noNodeTwiceEvenWhenReplicaListsRepeatOrDisagree() {
        // The replica snapshot may be older than the node list: other instances, same addresses.
        NodeInfo staleN6 = FakeCluster.node(6, "dc1", "r1", true);
        cluster.replicas(n1, n1, FakeCluster.node(2, "dc1", "r1", true), staleN6);
        List<NodeInfo> plan = list(seeded().allowRemoteDatacenterFailover(true).build().newQueryPlan(ROUTED, cluster));
        assertThat(plan).extracting(NodeInfo::address).doesNotHaveDuplicates();
        assertThat(plan.subList(0, 3)).extracting(NodeInfo::address)
                .containsExactlyInAnyOrder(n1.address(), n2.address(), n6.address());
    }

    @Test
    void roundRobinSpreadsTheFirstNonReplicaNode() {
        cluster.replicas(n1, n2);
        DefaultLoadBalancingPolicy routed = seeded().build();
        DefaultLoadBalancingPolicy unrouted = seeded().build();
        Map<InetSocketAddress, Integer> firstOthers = new HashMap<>();
        Map<InetSocketAddress, Integer> firsts = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            firstOthers.merge(list(routed.newQueryPlan(ROUTED, cluster)).get(2).address(), 1, Integer::sum);
            firsts.merge(list(unrouted.newQueryPlan(UNROUTED, cluster)).get(0).address(), 1, Integer::sum);
        }
        // Non-replicas 3, 4, 5 take turns; without a routing key all five up local nodes do.
        assertThat(firstOthers).containsOnlyKeys(n3.address(), n4.address(), n5.address())
                .allSatisfy((a, c) -> assertThat(c).isEqualTo(10));
        assertThat(firsts).hasSize(5).allSatisfy((a, c) -> assertThat(c).isEqualTo(6));
    }

    @Test
    void roundRobinKeepsTheRingOrderFromARotatingStart() {
        DefaultLoadBalancingPolicy policy = seeded().build();
        assertThat(list(policy.newQueryPlan(UNROUTED, cluster))).containsExactly(n1, n2, n3, n4, n5, n6);
        assertThat(list(policy.newQueryPlan(UNROUTED, cluster))).containsExactly(n2, n3, n4, n5, n1, n6);
        assertThat(list(policy.newQueryPlan(UNROUTED, cluster))).containsExactly(n3, n4, n5, n1, n2, n6);
    }

    @Test
    void withoutRoutingKeyOrTokenAwarenessReplicasAreNotAsked() {
        cluster.replicas(n5);
        DefaultLoadBalancingPolicy policy = seeded().build();
        assertThat(list(policy.newQueryPlan(UNROUTED, cluster))).containsExactly(n1, n2, n3, n4, n5, n6);
        assertThat(list(policy.newQueryPlan(RequestInfo.of(null, "ks", null, false), cluster))).hasSize(6);
        assertThat(list(policy.newQueryPlan(RequestInfo.of(null, null, FakeCluster.KEY, false), cluster))).hasSize(6);
        assertThat(cluster.replicaCalls).isZero();

        DefaultLoadBalancingPolicy notTokenAware = seeded().tokenAware(false).build();
        assertThat(list(notTokenAware.newQueryPlan(ROUTED, cluster)).get(0)).isEqualTo(n1);
        assertThat(cluster.replicaCalls).isZero();
    }

    @Test
    void configuredLocalDatacenterWinsOverTheView() {
        List<NodeInfo> plan = list(seeded().localDatacenter("dc3").build().newQueryPlan(UNROUTED, cluster));
        assertThat(plan).containsExactly(n21, n22);
    }

    @Test
    void unknownLocalDatacenterMakesEveryNodeLocal() {
        FakeCluster noDc = new FakeCluster(null);
        NodeInfo a = noDc.add(1, "dc1", "r1", true);
        NodeInfo b = noDc.add(2, "dc2", "r1", false);
        NodeInfo c = noDc.add(3, "dc3", "r1", true);
        assertThat(list(DefaultLoadBalancingPolicy.create().newQueryPlan(UNROUTED, noDc))).containsExactly(a, c, b);
    }

    @Test
    void emptyClusterGivesAnEmptyPlan() {
        assertThat(DefaultLoadBalancingPolicy.create().newQueryPlan(ROUTED, new FakeCluster("dc1")).hasNext()).isFalse();
    }

    /** A routed lightweight transaction. */
    private static final RequestInfo LWT = new RequestInfo() {
        @Override public io.jsylla.Statement<?> statement() { return ROUTED.statement(); }
        @Override public String keyspace() { return ROUTED.keyspace(); }
        @Override public java.nio.ByteBuffer routingKey() { return ROUTED.routingKey(); }
        @Override public boolean idempotent() { return true; }
        @Override public boolean isLwt() { return true; }
    };

    @Test
    void lightweightTransactionsGoToTheReplicasInRingOrderPrimaryFirstEveryTime() {
        cluster.replicas(n4, n1, n2); // ring order: 4 is the primary, on another rack than the local one
        DefaultLoadBalancingPolicy policy = seeded().localRack("r1").build();
        for (int i = 0; i < 30; i++) {
            assertThat(policy.firstNode(LWT, cluster)).isEqualTo(n4);
            assertThat(list(policy.newQueryPlan(LWT, cluster)).subList(0, 3)).containsExactly(n4, n1, n2);
        }
        // Other requests still spread over the replicas.
        Set<NodeInfo> firsts = new HashSet<>();
        for (int i = 0; i < 60; i++) firsts.add(list(policy.newQueryPlan(ROUTED, cluster)).get(0));
        assertThat(firsts).hasSizeGreaterThan(1);
    }

    @Test
    void aLightweightTransactionSkipsADownPrimaryForTheNextReplicaInOrder() {
        NodeInfo down4 = FakeCluster.node(4, "dc1", "r2", false);
        cluster.nodes.set(3, down4);
        cluster.replicas(down4, n2, n1);
        DefaultLoadBalancingPolicy policy = seeded().build();
        assertThat(policy.firstNode(LWT, cluster)).isEqualTo(n2);
        assertThat(list(policy.newQueryPlan(LWT, cluster)).subList(0, 2)).containsExactly(n2, n1);
    }
}
