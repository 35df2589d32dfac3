package io.jsylla.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two datacenters on loopback, with password authentication on. */
class TwoDatacenterAuthIT {
    private static CassandraCluster cluster;

    @BeforeAll
    static void start() {
        cluster = CassandraCluster.builder().name("two-dc-auth")
                .datacenter("dc1", 1).datacenter("dc2", 1).rack(2, "rackB")
                .passwordAuthentication(true)
                .nativePort(19242).storagePort(17200).jmxPort(17399)
                .build().start();
    }

    @AfterAll
    static void close() {
        if (cluster != null) cluster.close();
    }

    @Test
    void eachNodeSitsInItsDatacenterAndRack() {
        assertThat(cluster.node(1).datacenter()).isEqualTo("dc1");
        assertThat(cluster.node(2).datacenter()).isEqualTo("dc2");
        try (CqlProbe probe = cluster.node(2).probe()) {
            Map<String, Object> local = probe.query("SELECT data_center, rack FROM system.local WHERE key = 'local'").get(0);
            assertThat(local).containsEntry("data_center", "dc2").containsEntry("rack", "rackB");
            List<Map<String, Object>> peers = probe.query("SELECT peer, data_center, rack FROM system.peers");
            assertThat(peers).containsExactly(Map.of("peer", InetAddress.getByName("127.0.0.1"),
                    "data_center", "dc1", "rack", "rack1"));
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void seedsAreTheFirstNodeOfEachDatacenter() {
        assertThat(cluster.seeds()).containsExactly("127.0.0.1:17200", "127.0.0.2:17200");
    }

    @Test
    void theSuperuserLogsInAndBadCredentialsAreRefused() {
        CassandraNode node = cluster.node(1);
        try (CqlProbe probe = CqlProbe.connect(node.address(), Duration.ofSeconds(5), null,
                CassandraCluster.SUPERUSER, CassandraCluster.SUPERUSER_PASSWORD)) {
            assertThat(probe.queryValue("SELECT role FROM system_auth.roles WHERE role = 'cassandra'")).isEqualTo("cassandra");
        }
        assertThatThrownBy(() -> CqlProbe.connect(node.address(), Duration.ofSeconds(5), null, "cassandra", "wrong"))
                .isInstanceOf(CqlProbe.CqlProbeException.class)
                .satisfies(e -> assertThat(((CqlProbe.CqlProbeException) e).code()).isEqualTo(0x0100));
        assertThatThrownBy(() -> CqlProbe.connect(node.address(), Duration.ofSeconds(5), null, null, null))
                .hasMessageContaining("requires authentication");
    }
}
