package io.jsylla.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsylla.Consistency;
import io.jsylla.NoHostAvailableException;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import io.jsylla.policies.DefaultLoadBalancingPolicy;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.CassandraNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two datacenters on loopback: requests stay local, and cross over only when failover is allowed. */
class MultiDatacenterIT {
    private static CassandraCluster cluster;

    @BeforeAll
    static void start() {
        int offset = Integer.getInteger("jsylla.testkit.portOffset", 0);
        cluster = CassandraCluster.builder().name("two-dc").datacenter("dc1", 2).datacenter("dc2", 1)
                .nativePort(19742 + offset).storagePort(17700 + offset).jmxPort(17899 + offset).build().start();
        try (Session s = SessionBuilder.create().knownNode(cluster.node(1).contactPoint()).build()) {
            s.execute("CREATE KEYSPACE dcs WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 1}");
            s.execute("CREATE TABLE dcs.t (k int PRIMARY KEY, v int)");
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.close();
    }

    @Test
    void requestsStayInTheLocalDatacenter() {
        try (Session s = SessionBuilder.create().knownNode(cluster.node(1).contactPoint()).localDatacenter("dc1").build()) {
            for (int k = 0; k < 200; k++) s.execute("INSERT INTO dcs.t (k, v) VALUES (?, ?)", k, k);
            assertThat(s.getMetrics().requestsOn(cluster.node(3).address())).isZero();
            assertThat(s.getMetrics().requestsOn(cluster.node(1).address()) + s.getMetrics().requestsOn(cluster.node(2).address()))
                    .isGreaterThanOrEqualTo(200);
        }
        try (Session s = SessionBuilder.create().knownNode(cluster.node(1).contactPoint()).localDatacenter("dc2").build()) {
            for (int k = 0; k < 50; k++) s.execute("SELECT v FROM dcs.t WHERE k = ?", k);
            assertThat(s.getMetrics().requestsOn(cluster.node(1).address()) + s.getMetrics().requestsOn(cluster.node(2).address()))
                    .isZero();
        }
    }

    @Test
    void theLocalDatacenterIsInferredFromTheContactPoint() {
        try (Session s = SessionBuilder.create().knownNode(cluster.node(3).contactPoint()).build()) {
            for (int k = 0; k < 30; k++) s.execute("SELECT v FROM dcs.t WHERE k = ?", k);
            assertThat(s.getMetrics().requestsOn(cluster.node(3).address())).isGreaterThanOrEqualTo(30);
            assertThat(s.getMetrics().requestsOn(cluster.node(1).address())).isZero();
        }
    }

    @Test
    void crossingToAnotherDatacenterOnlyWhenAllowed() throws Exception {
        try (Session local = SessionBuilder.create().knownNode(cluster.node(1).contactPoint()).localDatacenter("dc1")
                .consistency(Consistency.LOCAL_ONE).build();
             Session failover = SessionBuilder.create().knownNode(cluster.node(1).contactPoint())
                     .consistency(Consistency.ONE)
                     .loadBalancingPolicy(DefaultLoadBalancingPolicy.builder().localDatacenter("dc1")
                             .allowRemoteDatacenterFailover(true).build()).build()) {
            local.execute("SELECT v FROM dcs.t WHERE k = 1");
            failover.execute("SELECT v FROM dcs.t WHERE k = 1");
            CassandraNode a = cluster.node(1);
            CassandraNode b = cluster.node(2);
            a.kill();
            b.kill();
            try {
                // The dc2 coordinator must know dc1 is gone, or it waits for dc1 replicas and times out.
                cluster.awaitSeenDown(a);
                cluster.awaitSeenDown(b);
                ClusterFailoverIT.await(() -> !ClusterFailoverIT.isUp(local, a) && !ClusterFailoverIT.isUp(local, b),
                        Duration.ofSeconds(60), "dc1 down for the local session");
                ClusterFailoverIT.await(() -> !ClusterFailoverIT.isUp(failover, a) && !ClusterFailoverIT.isUp(failover, b),
                        Duration.ofSeconds(60), "dc1 down for the failover session");
                assertThatThrownBy(() -> local.execute("SELECT v FROM dcs.t WHERE k = 1"))
                        .isInstanceOf(NoHostAvailableException.class);
                assertThat(local.getMetrics().requestsOn(cluster.node(3).address())).isZero();
                assertThat(failover.execute("SELECT v FROM dcs.t WHERE k = 1").rowCount()).isEqualTo(1);
                assertThat(failover.getMetrics().requestsOn(cluster.node(3).address())).isPositive();
            } finally {
                cluster.start();
            }
        }
    }
}
