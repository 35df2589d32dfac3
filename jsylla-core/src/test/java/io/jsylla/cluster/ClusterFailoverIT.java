package io.jsylla.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsylla.Consistency;
import io.jsylla.ExecutionProfile;
import io.jsylla.NoHostAvailableException;
import io.jsylla.NodeInfo;
import io.jsylla.PreparedStatement;
import io.jsylla.Query;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import io.jsylla.UnavailableException;
import io.jsylla.policies.RetryPolicies;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.CassandraNode;
import io.jsylla.testkit.junit.SharedCassandraCluster;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** Nodes failing under load: requests keep succeeding, nodes are marked down, and come back. */
@ExtendWith(SharedCassandraCluster.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

    @Test
    @Order(1)
    void aNodeKilledUnderQuorumLoadIsSurvivedAndComesBack(CassandraCluster cluster) throws Exception {
        try (Session s = SessionBuilder.create().knownNode(cluster.node(1).contactPoint())
                .consistency(Consistency.QUORUM).build()) {
            s.execute("CREATE KEYSPACE IF NOT EXISTS failover WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
            s.execute("CREATE TABLE IF NOT EXISTS failover.kv (k int PRIMARY KEY, v int)");
            PreparedStatement write = s.prepare(Query.of("INSERT INTO failover.kv (k, v) VALUES (?, ?)").withIdempotent(true));
            PreparedStatement read = s.prepare(Query.of("SELECT v FROM failover.kv WHERE k = ?").withIdempotent(true));
            Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger failures = new AtomicInteger();
            AtomicReference<Throwable> firstFailure = new AtomicReference<>();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger next = new AtomicInteger();
            ExecutorService load = Executors.newFixedThreadPool(8);
            List<Future<?>> workers = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                workers.add(load.submit(() -> {
                    while (running.get()) {
                        int k = next.incrementAndGet();
                        try {
                            s.executePrepared(write, k, k);
                            acknowledged.add(k);
                            s.executePrepared(read, Math.max(1, k - 5));
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, e);
                        }
                    }
                }));
            }
            CassandraNode victim = cluster.node(2);
            Thread.sleep(2000);
            victim.kill();
            await(() -> !isUp(s, victim), Duration.ofSeconds(60), victim + " marked down");
            Thread.sleep(2000); // keep loading with the node down
            victim.start();
            await(() -> isUp(s, victim), Duration.ofSeconds(60), victim + " marked up again");
            long onVictim = s.getMetrics().requestsOn(victim.address());
            await(() -> s.getMetrics().requestsOn(victim.address()) > onVictim + 10, Duration.ofSeconds(30),
                    victim + " receiving requests again");
            running.set(false);
            for (Future<?> w : workers) w.get(1, TimeUnit.MINUTES);
            load.shutdown();

            assertThat(failures.get()).as("failed requests; first: %s", firstFailure.get()).isZero();
            assertThat(acknowledged).hasSizeGreaterThan(100);
            for (int k : acknowledged) {
                assertThat(s.executePrepared(read, k).firstRow()).as("acknowledged write %d", k).isPresent();
            }
        }
    }

    @Test
    @Order(2)
    void retryPoliciesAndProfilesChangeWhatHappensWhenANodeIsDown(CassandraCluster cluster) throws Exception {
        ExecutionProfile strict = ExecutionProfile.builder().consistency(Consistency.ALL).retryPolicy(RetryPolicies.fallthrough()).build();
        try (Session s = SessionBuilder.create().knownNode(cluster.node(1).contactPoint())
                .executionProfile("strict", strict).build();
             Session downgrading = SessionBuilder.create().knownNode(cluster.node(1).contactPoint())
                     .retryPolicy(RetryPolicies.downgradingConsistency()).build()) {
            s.execute("CREATE KEYSPACE IF NOT EXISTS failover WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
            s.execute("CREATE TABLE IF NOT EXISTS failover.kv (k int PRIMARY KEY, v int)");
            s.execute("INSERT INTO failover.kv (k, v) VALUES (1, 1)");
            CassandraNode victim = cluster.node(3);
            victim.kill();
            try {
                cluster.awaitSeenDown(victim);
                await(() -> !isUp(s, victim), Duration.ofSeconds(60), "down for the session");
                Query all = Query.of("SELECT v FROM failover.kv WHERE k = 1").withConsistency(Consistency.ALL);
                // The default policy tries another coordinator once, which knows the same: unavailable.
                long retries = s.getMetrics().retries();
                assertThatThrownBy(() -> s.query(all)).isInstanceOf(UnavailableException.class);
                assertThat(s.getMetrics().retries()).isEqualTo(retries + 1);
                // The profile's fallthrough policy does not retry at all.
                long before = s.getMetrics().retries();
                assertThatThrownBy(() -> s.query(Query.of("SELECT v FROM failover.kv WHERE k = 1").withExecutionProfile("strict")))
                        .isInstanceOf(UnavailableException.class);
                assertThat(s.getMetrics().retries()).isEqualTo(before);
                // The profile's consistency ALL fails where the session's default succeeds.
                assertThat(s.execute("SELECT v FROM failover.kv WHERE k = 1").rowCount()).isEqualTo(1);
                // Downgrading retries at what two live replicas can give.
                assertThat(downgrading.query(all).rowCount()).isEqualTo(1);
            } finally {
                victim.start();
            }
        }
    }

    @Test
    @Order(3)
    void allNodesDownFailsNamingEachAndTheSessionRecovers(CassandraCluster cluster) throws Exception {
        try (Session s = SessionBuilder.create().knownNode(cluster.node(1).contactPoint())
                .reconnectionPolicy(io.jsylla.policies.ReconnectionPolicy.constant(Duration.ofMillis(500))).build()) {
            assertThat(s.execute("SELECT * FROM system.local").rowCount()).isEqualTo(1);
            cluster.nodes().parallelStream().forEach(CassandraNode::kill);
            await(() -> s.getClusterData().getNodes().stream().noneMatch(NodeInfo::isUp), Duration.ofSeconds(30), "all down");
            assertThatThrownBy(() -> s.execute("SELECT * FROM system.local"))
                    .isInstanceOf(NoHostAvailableException.class)
                    .satisfies(e -> assertThat(((NoHostAvailableException) e).errors().keySet())
                            .containsExactlyInAnyOrderElementsOf(cluster.nodes().stream().map(CassandraNode::address).toList()));
            cluster.start();
            await(() -> {
                try {
                    return s.execute("SELECT * FROM system.local").rowCount() == 1;
                } catch (RuntimeException e) {
                    return false;
                }
            }, Duration.ofSeconds(60), "session usable again");
            await(() -> s.getClusterData().getNodes().stream().allMatch(NodeInfo::isUp), Duration.ofSeconds(60), "all up");
        }
    }

    static boolean isUp(Session s, CassandraNode n) {
        InetSocketAddress a = n.address();
        return s.getClusterData().getNodes().stream().filter(i -> i.address().equals(a)).findFirst()
                .map(NodeInfo::isUp).orElse(false);
    }

    static void await(BooleanSupplier condition, Duration within, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("not within " + within + ": " + what);
            Thread.sleep(100);
        }
    }
}
