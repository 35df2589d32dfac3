package io.jsylla.policies;

import static io.jsylla.policies.FakeCluster.UNROUTED;
import static io.jsylla.policies.FakeCluster.list;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.NodeInfo;
import org.junit.jupiter.api.Test;

class RoundRobinPolicyTest {
    private final FakeCluster cluster = new FakeCluster("dc1");
    private final NodeInfo n1 = cluster.add(1, "dc1", "r1", true);
    private final NodeInfo n2 = cluster.add(2, "dc1", "r1", false);
    private final NodeInfo n3 = cluster.add(3, "dc2", "r1", true);
    private final NodeInfo n4 = cluster.add(4, "dc1", "r1", true);

    @Test
    void everyNodeUpOnesFirstFromARotatingStart() {
        RoundRobinPolicy policy = new RoundRobinPolicy();
        assertThat(list(policy.newQueryPlan(UNROUTED, cluster))).containsExactly(n1, n3, n4, n2);
        assertThat(list(policy.newQueryPlan(UNROUTED, cluster))).containsExactly(n3, n4, n1, n2);
        assertThat(list(policy.newQueryPlan(UNROUTED, cluster))).containsExactly(n3, n4, n1, n2);
        assertThat(list(policy.newQueryPlan(UNROUTED, cluster))).containsExactly(n4, n1, n3, n2);
        assertThat(list(policy.newQueryPlan(UNROUTED, cluster))).containsExactly(n1, n3, n4, n2);
    }

    @Test
    void ignoresReplicas() {
        cluster.replicas(n4);
        assertThat(list(new RoundRobinPolicy().newQueryPlan(FakeCluster.ROUTED, cluster)).get(0)).isEqualTo(n1);
        assertThat(cluster.replicaCalls).isZero();
    }

    @Test
    void emptyCluster() {
        assertThat(new RoundRobinPolicy().newQueryPlan(UNROUTED, new FakeCluster("dc1")).hasNext()).isFalse();
    }
}
