package io.jsylla.policies;

import static io.jsylla.policies.FakeCluster.ROUTED;
import static io.jsylla.policies.FakeCluster.UNROUTED;
import static io.jsylla.policies.FakeCluster.address;
import static io.jsylla.policies.FakeCluster.list;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.NodeInfo;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeFiltersTest {
    private final FakeCluster cluster = new FakeCluster("dc1");
    private final NodeInfo n1 = cluster.add(1, "dc1", "r1", true);
    private final NodeInfo n2 = cluster.add(2, "dc1", "r1", true);
    private final NodeInfo n3 = cluster.add(3, "dc2", "r1", true);
    private final NodeInfo n4 = cluster.add(4, "dc2", "r1", false);

    /** Records the views it is given; proposes a fixed plan, or the view's nodes. */
    private static final class Recording implements LoadBalancingPolicy {
        final List<ClusterView> views = new ArrayList<>();
        final List<NodeInfo> completed = new ArrayList<>();
        List<NodeInfo> fixedPlan;

        @Override
        public void init(ClusterView view) {
            views.add(view);
        }

        @Override
        public Iterator<NodeInfo> newQueryPlan(RequestInfo request, ClusterView view) {
            views.add(view);
            return (fixedPlan != null ? fixedPlan : view.nodes()).iterator();
        }

        @Override
        public void onRequestCompleted(NodeInfo node, long latencyNanos, Throwable error) {
            completed.add(node);
        }
    }

    private final Recording child = new Recording();

    @Test
    void allowNodes() {
        LoadBalancingPolicy policy = NodeFilters.allowNodes(child, List.of(address(1), address(3)));
        assertThat(list(policy.newQueryPlan(UNROUTED, cluster))).containsExactly(n1, n3);
    }

    @Test
    void denyNodes() {
        LoadBalancingPolicy policy = NodeFilters.denyNodes(child, List.of(address(1), address(3)));
        assertThat(list(policy.newQueryPlan(UNROUTED, cluster))).containsExactly(n2, n4);
    }

    @Test
    void allowDatacenters() {
        LoadBalancingPolicy policy = NodeFilters.allowDatacenters(child, List.of("dc2"));
        assertThat(list(policy.newQueryPlan(UNROUTED, cluster))).containsExactly(n3, n4);
    }

    @Test
    void denyDatacenters() {
        LoadBalancingPolicy policy = NodeFilters.denyDatacenters(child, List.of("dc2"));
        assertThat(list(policy.newQueryPlan(UNROUTED, cluster))).containsExactly(n1, n2);
    }

    @Test
    void childNeverSeesFilteredNodes() {
        cluster.replicas(n3, n1);
        LoadBalancingPolicy policy = NodeFilters.denyNodes(child, List.of(address(3)));
        policy.init(cluster);
        policy.newQueryPlan(ROUTED, cluster);
        assertThat(child.views).hasSize(2).allSatisfy(view -> {
            assertThat(view.nodes()).containsExactly(n1, n2, n4);
            assertThat(view.replicas("ks", FakeCluster.KEY)).containsExactly(n1);
            assertThat(view.localDatacenter()).isEqualTo("dc1");
        });
    }

    @Test
    void planIsFilteredEvenWhenTheChildProposesFilteredNodes() {
        child.fixedPlan = List.of(n3, n1, n3, n4);
        LoadBalancingPolicy policy = NodeFilters.allowDatacenters(child, List.of("dc1", "dc9"));
        assertThat(list(policy.newQueryPlan(UNROUTED, cluster))).containsExactly(n1);
    }

    @Test
    void completionsAreForwarded() {
        LoadBalancingPolicy policy = NodeFilters.allowNodes(child, List.of(address(1)));
        policy.onRequestCompleted(n1, 5, null);
        assertThat(child.completed).containsExactly(n1);
    }

    @Test
    void filteredNodeListIsReusedUntilTheViewChanges() {
        SwappableView view = new SwappableView(List.of(n1, n2, n3));
        LoadBalancingPolicy policy = NodeFilters.denyNodes(child, List.of(address(2)));
        policy.newQueryPlan(UNROUTED, view);
        policy.newQueryPlan(UNROUTED, view);
        ClusterView seen = child.views.get(0);
        assertThat(child.views.get(1)).isSameAs(seen);
        List<NodeInfo> first = seen.nodes();
        assertThat(seen.nodes()).isSameAs(first).containsExactly(n1, n3);
        view.nodes = List.of(n2, n4);
        assertThat(seen.nodes()).containsExactly(n4);
    }

    @Test
    void unfilteredListsAreNotCopied() {
        SwappableView view = new SwappableView(List.of(n1, n3));
        NodeFilters.denyNodes(child, List.of(address(2))).newQueryPlan(UNROUTED, view);
        assertThat(child.views.get(0).nodes()).isSameAs(view.nodes);
    }

    @Test
    void composesWithTheDefaultPolicy() {
        LoadBalancingPolicy policy = NodeFilters.denyNodes(
                DefaultLoadBalancingPolicy.builder().allowRemoteDatacenterFailover(true).build(), List.of(address(1)));
        assertThat(list(policy.newQueryPlan(UNROUTED, cluster))).containsExactly(n2, n3, n4);
    }

    private static final class SwappableView implements ClusterView {
        volatile List<NodeInfo> nodes;

        SwappableView(List<NodeInfo> nodes) {
            this.nodes = nodes;
        }

        @Override
        public List<NodeInfo> nodes() {
            return nodes;
        }

        @Override
        public String localDatacenter() {
            return "dc1";
        }

        @Override
        public List<NodeInfo> replicas(String keyspace, ByteBuffer routingKey) {
            return List.of();
        }
    }
}
