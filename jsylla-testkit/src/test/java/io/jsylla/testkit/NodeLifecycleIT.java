package io.jsylla.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stop, start again on the same data, close; and the refusals that come before any launch. */
class NodeLifecycleIT {

    private static CassandraCluster.Builder node(String name) {
        return CassandraCluster.builder().name(name).nativePort(19442).storagePort(17400).jmxPort(17599);
    }

    @Test
    void aGracefulStopKeepsDataForTheNextStartAndCloseLeavesNoProcess() {
        try (CassandraCluster cluster = node("lifecycle").build().start()) {
            CassandraNode n = cluster.node(1);
            try (CqlProbe probe = n.probe()) {
                probe.query("CREATE KEYSPACE life WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
                probe.query("CREATE TABLE life.t (k int PRIMARY KEY, v text)");
                probe.query("INSERT INTO life.t (k, v) VALUES (1, 'kept')");
            }
            long first = n.pid().getAsLong();
            n.stop();
            assertThat(n.isRunning()).isFalse();
            assertThat(n.logTail(400)).contains("Reason: DRAIN").contains("Cassandra shutdown complete");
            n.start();
            assertThat(n.pid().getAsLong()).isNotEqualTo(first);
            try (CqlProbe probe = n.probe()) {
                assertThat(probe.query("SELECT v FROM life.t WHERE k = 1")).containsExactly(Map.of("v", "kept"));
            }
            long second = n.pid().getAsLong();
            cluster.stop();
            assertThat(ProcessHandle.of(second).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(NodeRecord.read(n.directory()).orElseThrow().isRunning()).isFalse();
        }
    }

    @Test
    void aTakenPortIsNamedBeforeAnythingIsLaunched() throws Exception {
        try (ServerSocket squatter = new ServerSocket(19442, 1, java.net.InetAddress.getByName("127.0.0.1"));
             CassandraCluster cluster = node("port-taken").build()) {
            assertThat(squatter.isBound()).isTrue();
            assertThatThrownBy(cluster::start)
                    .hasMessageContaining("Port 19442 on 127.0.0.1")
                    .hasMessageContaining("native_transport_port")
                    .hasMessageContaining("nativePort(...)");
            assertThat(cluster.running()).isEmpty();
        }
    }

    @Test
    void twoClustersCannotShareAFolder() {
        try (CassandraCluster a = node("shared-folder").build(); CassandraCluster b = node("shared-folder").build()) {
            a.prepare();
            assertThatThrownBy(b::start).hasMessageContaining("in use by another CassandraCluster");
        }
    }

    @Test
    void aNodeThatCannotStartRaisesAnExceptionQuotingItsLog() {
        try (CassandraCluster cluster = node("broken").yaml("commitlog_sync", "sometimes").build()) {
            assertThatThrownBy(cluster::start)
                    .isInstanceOf(NodeStartException.class)
                    .hasMessageContaining("exited during start")
                    .hasMessageContaining("last")
                    .hasMessageContaining("system.log")
                    .hasMessageContaining("sometimes");
            assertThat(cluster.running()).isEmpty();
        }
        List<String> noLeftovers = ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(List::of).orElse(List.of()).stream().anyMatch(a -> a.contains("broken/node1")))
                .map(p -> String.valueOf(p.pid())).toList();
        assertThat(noLeftovers).isEmpty();
    }
}
