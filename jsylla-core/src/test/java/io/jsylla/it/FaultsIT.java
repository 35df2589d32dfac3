package io.jsylla.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsylla.Query;
import io.jsylla.RequestTimeoutException;
import io.jsylla.ScyllaException;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.FaultProxy;
import io.jsylla.testkit.junit.SharedCassandraNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a real node cannot be made to do on demand, through a fault proxy: silence, cuts, idleness. */
@ExtendWith(SharedCassandraNode.class)
class FaultsIT {

    @Test
    void aSilentNodeTimesTheRequestOutAndTheConnectionRecovers(CassandraCluster node) throws Exception {
        try (FaultProxy proxy = new FaultProxy("127.0.0.1", node.node(1).address());
             Session s = SessionBuilder.create().knownNode(proxy.contactPoint()).build()) {
            proxy.pause();
            Instant start = Instant.now();
            assertThatThrownBy(() -> s.query(Query.of("SELECT * FROM system.local").withTimeout(Duration.ofMillis(500))))
                    .isInstanceOf(RequestTimeoutException.class).hasMessageContaining("500 ms");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
            assertThat(s.getMetrics().timeouts()).isEqualTo(1);
            proxy.resume();
            // The late answer frees its stream id; the connection carries on.
            assertThat(s.execute("SELECT * FROM system.local").rows()).hasSize(1);
            awaitTrue(() -> s.getMetrics().inFlight() == 0, Duration.ofSeconds(10));
        }
    }

    @Test
    void cutConnectionsAreReopenedAndTheKeyspaceFollows(CassandraCluster node) throws Exception {
        try (FaultProxy proxy = new FaultProxy("127.0.0.1", node.node(1).address());
             Session s = SessionBuilder.create().knownNode(proxy.contactPoint()).poolSize(2).build()) {
            String ks = Keyspaces.create(s, "faults");
            s.useKeyspace(ks, false);
            s.execute("CREATE TABLE t (k int PRIMARY KEY)");
            long before = proxy.acceptedConnections();
            proxy.cutConnections();
            awaitTrue(() -> {
                try {
                    return s.execute("SELECT * FROM t").rows().isEmpty(); // no keyspace prefix: new connections use it too
                } catch (ScyllaException e) {
                    return false;
                }
            }, Duration.ofSeconds(30));
            assertThat(proxy.acceptedConnections()).isGreaterThan(before);
            assertThat(s.getKeyspace()).contains(ks);
        }
    }

    @Test
    void heartbeatsKeepAnIdleConnectionAndAnUnansweredOneIsClosed(CassandraCluster node) throws Exception {
        try (FaultProxy proxy = new FaultProxy("127.0.0.1", node.node(1).address());
             Session s = SessionBuilder.create().knownNode(proxy.contactPoint())
                     .heartbeatInterval(Duration.ofMillis(300)).idleTimeout(Duration.ofSeconds(2)).build()) {
            long opened = proxy.acceptedConnections();
            Thread.sleep(4000); // idle twice the idle timeout: heartbeats must have kept it alive
            assertThat(s.execute("SELECT * FROM system.local").rows()).hasSize(1);
            assertThat(proxy.acceptedConnections()).isEqualTo(opened);

            proxy.pause(); // heartbeats go unanswered now: past the idle timeout the driver drops the connection
            awaitTrue(() -> proxy.acceptedConnections() > opened, Duration.ofSeconds(15)); // and dials again
            proxy.resume();
            awaitTrue(() -> {
                try {
                    return s.execute("SELECT * FROM system.local").rowCount() == 1;
                } catch (ScyllaException e) {
                    return false;
                }
            }, Duration.ofSeconds(30));
        }
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("condition not met within " + within);
            Thread.sleep(100);
        }
    }
}
