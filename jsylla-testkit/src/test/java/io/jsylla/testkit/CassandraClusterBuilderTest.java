package io.jsylla.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CassandraClusterBuilderTest {

    @Test
    void defaultsStayClearOfAUsersOwnNode() {
        CassandraCluster c = CassandraCluster.builder().build();
        assertThat(c.settings().nativePort()).isNotEqualTo(9042);
        assertThat(c.settings().storagePort()).isNotEqualTo(7000);
        assertThat(c.settings().jmxPort()).isNotEqualTo(7199);
        assertThat(c.cassandraVersion()).startsWith("5.0.");
        assertThat(c.directory()).endsWithRaw(Path.of("target", "jsylla-testkit", "jsylla-testkit"));
    }

    @Test
    void placesNodesOnConsecutiveLoopbackAddressesAndDatacenters() {
        CassandraCluster c = CassandraCluster.builder().datacenter("dc1", 2).datacenter("dc2", 1).rack(2, "r2").build();
        assertThat(c.nodes()).extracting(CassandraNode::host).containsExactly("127.0.0.1", "127.0.0.2", "127.0.0.3");
        assertThat(c.nodes()).extracting(CassandraNode::datacenter).containsExactly("dc1", "dc1", "dc2");
        assertThat(c.nodes()).extracting(CassandraNode::rack).containsExactly("rack1", "r2", "rack1");
        assertThat(c.seeds()).containsExactly("127.0.0.1:17000", "127.0.0.3:17000");
        assertThat(c.node(1).tokens()).doesNotContainAnyElementsOf(c.node(2).tokens());
        assertThat(c.node(3).tokens()).doesNotContainAnyElementsOf(c.node(1).tokens());
        assertThat(c.node(3).jmxPort()).isEqualTo(17201);
    }

    @Test
    void refusesBadOptionsNamingThem() {
        assertThatThrownBy(() -> CassandraCluster.builder().nodes(0)).hasMessageContaining("nodes");
        assertThatThrownBy(() -> CassandraCluster.builder().nativePort(70000)).hasMessageContaining("nativePort");
        assertThatThrownBy(() -> CassandraCluster.builder().heap("lots")).hasMessageContaining("heap");
        assertThatThrownBy(() -> CassandraCluster.builder().name("a b")).hasMessageContaining("cluster name");
        assertThatThrownBy(() -> CassandraCluster.builder().nodes(2).rack(3, "r").build()).hasMessageContaining("rack(3");
        assertThatThrownBy(() -> CassandraCluster.builder().build().node(2)).hasMessageContaining("no node 2");
    }
}
