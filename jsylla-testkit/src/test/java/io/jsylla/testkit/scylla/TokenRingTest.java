package io.jsylla.testkit.scylla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenRingTest {
    private static final TokenRing THREE = new TokenRing(List.of(
            new TokenRing.Member(1, "dc1", "r1", List.of(-100L)),
            new TokenRing.Member(2, "dc1", "r1", List.of(0L)),
            new TokenRing.Member(3, "dc1", "r1", List.of(100L))));

    @Test
    void theOwnerOfARangeIsTheFirstTokenAtOrAfterTheKey() {
        Replication one = Replication.simple(1);
        assertThat(THREE.replicas(-100, one)).containsExactly(1);
        assertThat(THREE.replicas(-99, one)).containsExactly(2);
        assertThat(THREE.replicas(0, one)).containsExactly(2);
        assertThat(THREE.replicas(50, one)).containsExactly(3);
        assertThat(THREE.replicas(101, one)).containsExactly(1); // wraps
        assertThat(THREE.replicas(Long.MIN_VALUE, one)).containsExactly(1);
    }

    @Test
    void simpleStrategyWalksTheRing() {
        assertThat(THREE.replicas(50, Replication.simple(2))).containsExactly(3, 1);
        assertThat(THREE.replicas(50, Replication.simple(5))).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void networkTopologyStrategyCountsPerDatacenterAndPrefersNewRacks() {
        TokenRing ring = new TokenRing(List.of(
                new TokenRing.Member(1, "dc1", "r1", List.of(0L)),
                new TokenRing.Member(2, "dc1", "r1", List.of(10L)),
                new TokenRing.Member(3, "dc1", "r2", List.of(20L)),
                new TokenRing.Member(4, "dc2", "r1", List.of(5L)),
                new TokenRing.Member(5, "dc2", "r1", List.of(15L))));
        Replication nts = Replication.parse(Map.of("class", "org.apache.cassandra.locator.NetworkTopologyStrategy",
                "dc1", "2", "dc2", "1"));
        // From token 0: node 1 (dc1 r1), node 4 (dc2), node 2 skipped (r1 again), node 3 (dc1 r2).
        assertThat(ring.replicas(0, nts)).containsExactly(1, 4, 3);
        Replication dc1Only = Replication.parse(Map.of("class", "NetworkTopologyStrategy", "dc1", "3"));
        assertThat(ring.replicas(0, dc1Only)).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void parsesReplicationMaps() {
        assertThat(Replication.parse(Map.of("class", "org.apache.cassandra.locator.SimpleStrategy", "replication_factor", "3")))
                .isEqualTo(Replication.simple(3));
        assertThat(Replication.parse(Map.of("class", "org.apache.cassandra.locator.LocalStrategy")).everywhere()).isTrue();
        assertThat(Replication.parse(Map.of("class", "NetworkTopologyStrategy", "dc1", "3/1")).perDatacenter())
                .isEqualTo(Map.of("dc1", 3));
        assertThat(Replication.parse(Map.of("class", "com.example.Custom"))).isNull();
        assertThat(THREE.replicas(50, Replication.parse(Map.of("class", "LocalStrategy")))).containsExactlyInAnyOrder(1, 2, 3);
    }
}
