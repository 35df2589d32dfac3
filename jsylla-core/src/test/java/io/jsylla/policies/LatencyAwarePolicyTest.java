package io.jsylla.policies;

import static io.jsylla.policies.FakeCluster.UNROUTED;
import static io.jsylla.policies.FakeCluster.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsylla.NodeInfo;
import io.jsylla.OverloadedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LatencyAwarePolicyTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final FakeCluster cluster = new FakeCluster("dc1");
    private final NodeInfo n1 = cluster.add(1, "dc1", "r1", true);
    private final NodeInfo n2 = cluster.add(2, "dc1", "r1", true);
    private final NodeInfo n3 = cluster.add(3, "dc1", "r1", true);
    private final AtomicLong now = new AtomicLong(-5_000 * MS); // any origin: nanoTime may be negative
    private final List<NodeInfo> completed = new ArrayList<>();
    private int inits;

    /** A child that always proposes the slow node 3 first, and records what it is told. */
    private final LoadBalancingPolicy child = new LoadBalancingPolicy() {
        @Override
        public void init(ClusterView view) {
            inits++;
        }

        @Override
        public Iterator<NodeInfo> newQueryPlan(RequestInfo request, ClusterView view) {
            return List.of(n3, n1, n2).iterator();
        }

        @Override
        public void onRequestCompleted(NodeInfo node, long latencyNanos, Throwable error) {
            completed.add(node);
        }
    };

    private LatencyAwarePolicy.Builder builder() {
        return LatencyAwarePolicy.builder(child).clock(now::get).minimumMeasurements(10);
    }

    /** {@code count} successful requests, one per millisecond. */
    private void feed(LatencyAwarePolicy policy, NodeInfo node, long latencyMs, int count) {
        for (int i = 0; i < count; i++) {
            now.addAndGet(MS);
            policy.onRequestCompleted(node, latencyMs * MS, null);
        }
    }

    private List<NodeInfo> plan(LatencyAwarePolicy policy) {
        return list(policy.newQueryPlan(UNROUTED, cluster));
    }

    private void warmUp(LatencyAwarePolicy policy, long slowMs) {
        warmUp(policy, 1, slowMs);
    }

    private void warmUp(LatencyAwarePolicy policy, long fastMs, long slowMs) {
        feed(policy, n1, fastMs, 10);
        feed(policy, n2, fastMs, 10);
        feed(policy, n3, slowMs, 10);
        now.addAndGet(100 * MS); // the update rate
    }

    @Test
    void slowNodeGoesLast() {
        LatencyAwarePolicy policy = builder().build();
        warmUp(policy, 5);
        assertThat(plan(policy)).containsExactly(n1, n2, n3);
    }

    @Test
    void noExclusionBelowTheThreshold() {
        LatencyAwarePolicy policy = builder().build();
        warmUp(policy, 10, 19);
        assertThat(plan(policy)).containsExactly(n3, n1, n2);
        LatencyAwarePolicy strict = builder().exclusionThreshold(1.5).build();
        warmUp(strict, 10, 19);
        assertThat(plan(strict)).containsExactly(n1, n2, n3);
    }

    @Test
    void noExclusionBeforeMinimumMeasurements() {
        LatencyAwarePolicy policy = builder().minimumMeasurements(11).build();
        warmUp(policy, 50);
        assertThat(plan(policy)).containsExactly(n3, n1, n2);
        feed(policy, n1, 1, 1);
        feed(policy, n3, 50, 1);
        now.addAndGet(100 * MS);
        assertThat(plan(policy)).containsExactly(n1, n2, n3);
    }

    @Test
    void bestAverageIsRecomputedAtTheUpdateRateOnly() {
        LatencyAwarePolicy policy = builder().build();
        assertThat(plan(policy)).containsExactly(n3, n1, n2); // computes "no best yet"
        feed(policy, n1, 1, 10);
        feed(policy, n3, 5, 10);
        assertThat(plan(policy)).containsExactly(n3, n1, n2); // 20 ms later: not yet
        now.addAndGet(80 * MS);
        assertThat(plan(policy)).containsExactly(n1, n2, n3);
    }

    @Test
    void slowNodeGetsAChanceAfterTheRetryPeriod() {
        LatencyAwarePolicy policy = builder().build();
        warmUp(policy, 5);
        // Node 3, last, gets no requests; the others go on.
        now.addAndGet(9_000 * MS);
        feed(policy, n1, 1, 10);
        now.addAndGet(100 * MS);
        assertThat(plan(policy)).containsExactly(n1, n2, n3);
        now.addAndGet(900 * MS); // node 3 measured more than 10 s ago
        assertThat(plan(policy)).containsExactly(n3, n1, n2);
        // Still slow: one new sample, which outweighs the stale average, and it is last again.
        feed(policy, n3, 5, 1);
        assertThat(plan(policy)).containsExactly(n1, n2, n3);
    }

    @Test
    void averageFollowsRecentLatency() {
        LatencyAwarePolicy policy = builder().build();
        warmUp(policy, 5);
        assertThat(plan(policy)).containsExactly(n1, n2, n3);
        // Fast again, over several scales of time (100 ms each): the old samples fade out.
        for (int i = 0; i < 10; i++) {
            now.addAndGet(100 * MS);
            feed(policy, n1, 1, 1);
            feed(policy, n3, 1, 1);
        }
        now.addAndGet(100 * MS);
        assertThat(plan(policy)).containsExactly(n3, n1, n2);
    }

    @Test
    void failuresDoNotCountButAreForwarded() {
        LatencyAwarePolicy policy = builder().build();
        feed(policy, n1, 1, 10);
        for (int i = 0; i < 20; i++) {
            now.addAndGet(MS);
            policy.onRequestCompleted(n3, 5_000 * MS, new OverloadedException(n3.address(), "busy"));
        }
        now.addAndGet(100 * MS);
        assertThat(plan(policy)).containsExactly(n3, n1, n2);
        assertThat(completed).hasSize(30);
        policy.init(cluster);
        assertThat(inits).isEqualTo(1);
    }

    @Test
    void validation() {
        LatencyAwarePolicy.Builder b = LatencyAwarePolicy.builder(child);
        assertThatThrownBy(() -> b.exclusionThreshold(0.5)).hasMessageContaining("exclusionThreshold");
        assertThatThrownBy(() -> b.exclusionThreshold(Double.NaN)).hasMessageContaining("exclusionThreshold");
        assertThatThrownBy(() -> b.scale(Duration.ZERO)).hasMessageContaining("scale");
        assertThatThrownBy(() -> b.retryPeriod(Duration.ofSeconds(-1))).hasMessageContaining("retryPeriod");
        assertThatThrownBy(() -> b.updateRate(Duration.ZERO)).hasMessageContaining("updateRate");
        assertThatThrownBy(() -> b.minimumMeasurements(-1)).hasMessageContaining("minimumMeasurements");
        assertThatThrownBy(() -> LatencyAwarePolicy.builder(null)).isInstanceOf(NullPointerException.class);
    }
}
