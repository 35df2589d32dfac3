package io.jsylla.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.testkit.junit.SharedCassandraCluster;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCassandraCluster.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedClusterIT {

    @Test
    @Order(1)
    void everyNodeAnswersAndListsTheOthersAsPeers(CassandraCluster cluster) throws Exception {
        assertThat(cluster.nodes()).hasSize(3);
        for (CassandraNode node : cluster.nodes()) {
            try (CqlProbe probe = node.probe()) {
                assertThat(probe.options().get("CQL_VERSION")).isNotEmpty();
                Set<InetAddress> peers = probe.query("SELECT peer FROM system.peers").stream()
                        .map(r -> (InetAddress) r.get("peer")).collect(Collectors.toSet());
                Set<InetAddress> others = cluster.nodes().stream().filter(n -> n != node)
                        .map(n -> n.address().getAddress()).collect(Collectors.toSet());
                assertThat(peers).as("peers of %s", node).isEqualTo(others);
                Map<String, Object> local = probe.query(
                        "SELECT data_center, rack, listen_address, tokens FROM system.local WHERE key = 'local'").get(0);
                assertThat(local.get("data_center")).isEqualTo("dc1");
                assertThat(local.get("listen_address")).isEqualTo(node.address().getAddress());
                assertThat((Set<?>) local.get("tokens")).hasSize(16)
                        .isEqualTo(node.tokens().stream().map(String::valueOf).collect(Collectors.toSet()));
            }
            assertThat(node.gossip().live()).containsExactlyInAnyOrderElementsOf(
                    cluster.nodes().stream().map(CassandraNode::storageEndpoint).toList());
        }
        Set<Long> pids = cluster.nodes().stream().map(n -> n.pid().getAsLong()).collect(Collectors.toSet());
        assertThat(pids).hasSize(3).doesNotContain(ProcessHandle.current().pid());
    }

    @Test
    @Order(2)
    void aKilledNodeIsSeenDownAndComesBackOnItsOwnData(CassandraCluster cluster) throws Exception {
        CassandraNode victim = cluster.node(2);
        try (CqlProbe probe = cluster.node(1).probe()) {
            probe.query("CREATE KEYSPACE IF NOT EXISTS kit3 WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
            probe.query("CREATE TABLE IF NOT EXISTS kit3.t (k int PRIMARY KEY, v text)");
        }
        cluster.awaitReady(); // schema agreement before writing at ALL
        try (CqlProbe probe = cluster.node(1).probe()) {
            probe.query("INSERT INTO kit3.t (k, v) VALUES (1, 'before the crash')");
        }
        UUID hostId;
        try (CqlProbe probe = victim.probe()) {
            hostId = (UUID) probe.queryValue("SELECT host_id FROM system.local WHERE key = 'local'");
        }
        long oldPid = victim.pid().getAsLong();

        victim.kill();
        assertThat(victim.isRunning()).isFalse();
        assertThat(ProcessHandle.of(oldPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        cluster.awaitSeenDown(victim);
        assertThat(cluster.node(1).gossip().unreachable()).containsExactly(victim.storageEndpoint());
        assertThat(cluster.contactPoints()).hasSize(2).doesNotContain(victim.address());

        victim.start();
        assertThat(victim.pid().getAsLong()).isNotEqualTo(oldPid);
        for (CassandraNode n : cluster.nodes()) {
            assertThat(n.gossip().live()).as("live nodes seen by %s", n).contains(victim.storageEndpoint());
            assertThat(n.gossip().unreachable()).isEmpty();
        }
        try (CqlProbe probe = victim.probe()) {
            assertThat(probe.queryValue("SELECT host_id FROM system.local WHERE key = 'local'")).isEqualTo(hostId);
            // Consistency ONE on the restarted node: it read its own commit log back.
            List<Map<String, Object>> rows = probe.query("SELECT v FROM kit3.t WHERE k = 1");
            assertThat(rows).containsExactly(Map.of("v", "before the crash"));
        }
    }
}
