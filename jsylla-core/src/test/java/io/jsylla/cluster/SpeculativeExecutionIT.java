package io.jsylla.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.PreparedStatement;
import io.jsylla.Query;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import io.jsylla.policies.AddressTranslator;
import io.jsylla.policies.RoundRobinPolicy;
import io.jsylla.policies.SpeculativeExecutions;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.FaultProxy;
import io.jsylla.testkit.junit.SharedCassandraCluster;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node made slow (a delaying proxy in front of it, reached through an address translator):
 * with speculative execution, idempotent requests do not wait for it; without, some do.
 */
@ExtendWith(SharedCassandraCluster.class)
class SpeculativeExecutionIT {

    @Test
    void speculativeExecutionsOvertakeASlowNode(CassandraCluster cluster) {
        InetSocketAddress slow = cluster.node(2).address();
        try (FaultProxy proxy = new FaultProxy("127.0.0.1", slow)) {
            AddressTranslator viaProxy = a -> a.equals(slow) ? proxy.address() : a;
            Duration plain = p95(cluster, viaProxy, proxy, false);
            Duration speculative = p95(cluster, viaProxy, proxy, true);
            assertThat(plain).as("without speculative executions").isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(speculative).as("with speculative executions").isLessThan(Duration.ofMillis(300));
        }
    }

    private static Duration p95(CassandraCluster cluster, AddressTranslator translator, FaultProxy proxy, boolean speculate) {
        SessionBuilder b = SessionBuilder.create().knownNode(cluster.node(1).contactPoint()).addressTranslator(translator)
                .loadBalancingPolicy(new RoundRobinPolicy());
        if (speculate) b.speculativeExecutionPolicy(SpeculativeExecutions.constant(Duration.ofMillis(50), 2));
        try (Session s = b.build()) {
            s.execute("CREATE KEYSPACE IF NOT EXISTS spec WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
            s.execute("CREATE TABLE IF NOT EXISTS spec.t (k int PRIMARY KEY, v int)");
            PreparedStatement read = s.prepare(Query.of("SELECT * FROM spec.t WHERE k = ?").withIdempotent(true));
            for (int i = 0; i < 10; i++) s.executePrepared(read, i); // warm: every node knows the statement
            proxy.delay(Duration.ofMillis(400));
            try {
                long[] latencies = new long[60];
                for (int i = 0; i < latencies.length; i++) {
                    long start = System.nanoTime();
                    s.executePrepared(read, i);
                    latencies[i] = System.nanoTime() - start;
                }
                java.util.Arrays.sort(latencies);
                if (speculate) assertThat(s.getMetrics().speculativeExecutions()).isPositive();
                else assertThat(s.getMetrics().speculativeExecutions()).isZero();
                return Duration.ofNanos(latencies[(int) (latencies.length * 0.95)]);
            } finally {
                proxy.delay(Duration.ZERO);
            }
        }
    }
}
