package io.jsylla.internal.routing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SimpleStrategy, EverywhereStrategy, LocalStrategy, unknown classes, and parsing the settings. */
class ReplicationStrategiesTest {

    /** 3 nodes x 16 vnodes: ring token 100*i is owned by OWNERS.charAt(i). */
    private static final String OWNERS = "AABBCCABCABCAAABBBCCCAACCBBACBBCBCACABBCACABCBAA";
    private static final Function<String, String> DC = n -> "dc1";
    private static final Function<String, String> RACK = n -> "r1";

    private static TokenRing<String> vnodeRing() {
        Map<String, List<String>> tokens = new HashMap<>();
        for (int i = 0; i < OWNERS.length(); i++) {
            tokens.computeIfAbsent(String.valueOf(OWNERS.charAt(i)), n -> new ArrayList<>()).add(Long.toString(100L * i));
        }
        return new TokenRing<>(Murmur3Partitioner.INSTANCE, tokens);
    }

    private static ReplicationStrategy<String> strategy(String... keyValues) {
        Map<String, String> replication = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            replication.put(keyValues[i], keyValues[i + 1]);
        }
        return ReplicationStrategies.of(replication, DC, RACK);
    }

    private static ReplicationStrategy<String> simple(int rf) {
        return strategy("class", "org.apache.cassandra.locator.SimpleStrategy", "replication_factor", Integer.toString(rf));
    }

    private static Token t(long v) {
        return new Murmur3Token(v);
    }

    @Test
    void ringHas16TokensPerNode() {
        TokenRing<String> ring = vnodeRing();
        assertThat(ring.size()).isEqualTo(48);
        for (String node : List.of("A", "B", "C")) {
            assertThat(OWNERS.chars().filter(c -> c == node.charAt(0)).count()).isEqualTo(16);
        }
    }

    @Test
    void simpleStrategyTakesTheFirstDistinctNodesOfTheWalk() {
        TokenRing<String> ring = vnodeRing();
        // Position 0: A A B B C -> walking skips A's second vnode.
        assertThat(simple(1).replicas(ring, t(0))).containsExactly("A");
        assertThat(simple(2).replicas(ring, t(0))).containsExactly("A", "B");
        assertThat(simple(3).replicas(ring, t(0))).containsExactly("A", "B", "C");
        // 150 falls in position 2 (token 200): B B C C A.
        assertThat(simple(1).replicas(ring, t(150))).containsExactly("B");
        assertThat(simple(2).replicas(ring, t(150))).containsExactly("B", "C");
        assertThat(simple(3).replicas(ring, t(150))).containsExactly("B", "C", "A");
        // Position 12 (token 1200): A A A B -> C only at position 18.
        assertThat(simple(3).replicas(ring, t(1101))).containsExactly("A", "B", "C");
        assertThat(simple(2).replicas(ring, t(1500))).containsExactly("B", "C");
    }

    @Test
    void simpleStrategyWrapsAroundTheRing() {
        TokenRing<String> ring = vnodeRing();
        // Past the last token (4700, A) wraps to position 0 (A A B ...).
        assertThat(simple(2).replicas(ring, t(4701))).containsExactly("A", "B");
        // Position 46 (4600, A), 47 (4700, A), then 0 A, 1 A, 2 B, 4 C.
        assertThat(simple(3).replicas(ring, t(4550))).containsExactly("A", "B", "C");
        // Position 45 (4500, B), 46 A, ... 4 C.
        assertThat(simple(3).replicas(ring, t(4500))).containsExactly("B", "A", "C");
    }

    @Test
    void simpleStrategyWithRfAboveTheNodeCountTakesEveryNode() {
        TokenRing<String> ring = vnodeRing();
        assertThat(simple(5).replicas(ring, t(300))).containsExactly("B", "C", "A");
        assertThat(simple(0).replicas(ring, t(300))).isEmpty();
    }

    @Test
    void simpleStrategyAtEveryPosition() {
        TokenRing<String> ring = vnodeRing();
        for (int i = 0; i < ring.size(); i++) {
            Token token = ring.tokenAt(i);
            List<String> three = simple(3).replicas(ring, token);
            assertThat(three).containsExactlyInAnyOrder("A", "B", "C");
            assertThat(three.get(0)).isEqualTo(String.valueOf(OWNERS.charAt(i)));
            assertThat(simple(2).replicas(ring, token)).isEqualTo(three.subList(0, 2));
            assertThat(simple(1).replicas(ring, token)).isEqualTo(three.subList(0, 1));
        }
    }

    @Test
    void everywhereStrategyTakesAllNodesFromThePrimary() {
        TokenRing<String> ring = vnodeRing();
        ReplicationStrategy<String> everywhere = strategy("class", "org.apache.cassandra.locator.EverywhereStrategy");
        assertThat(everywhere.replicas(ring, t(400))).containsExactly("C", "A", "B");
        assertThat(strategy("class", "EverywhereStrategy").replicas(ring, t(0))).containsExactly("A", "B", "C");
    }

    @Test
    void localStrategyCannotRoute() {
        assertThat(strategy("class", "org.apache.cassandra.locator.LocalStrategy").replicas(vnodeRing(), t(0))).isEmpty();
    }

    @Test
    void unknownStrategiesGiveThePrimaryOnly() {
        TokenRing<String> ring = vnodeRing();
        assertThat(strategy("class", "com.example.FancyStrategy", "replication_factor", "3").replicas(ring, t(400)))
                .containsExactly("C");
        assertThat(strategy("class", "org.apache.cassandra.locator.OldNetworkTopologyStrategy").replicas(ring, t(0)))
                .containsExactly("A");
        assertThat(strategy().replicas(ring, t(0))).containsExactly("A");
    }

    @Test
    void shortNamesAndTransientFactors() {
        TokenRing<String> ring = vnodeRing();
        assertThat(strategy("class", "SimpleStrategy", "replication_factor", "2").replicas(ring, t(0))).containsExactly("A", "B");
        assertThat(strategy("class", "SimpleStrategy", "replication_factor", "3/1")).isEqualTo(simple(3));
        assertThat(strategy("class", "NetworkTopologyStrategy", "dc1", " 2/1 ").replicas(ring, t(0))).containsExactly("A", "B");
        assertThat(ReplicationStrategies.factor("dc1", "3/1")).isEqualTo(3);
    }

    @Test
    void malformedFactorsAreRejected() {
        assertThatThrownBy(() -> strategy("class", "SimpleStrategy", "replication_factor", "three"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("three");
        assertThatThrownBy(() -> strategy("class", "NetworkTopologyStrategy", "dc1", "-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dc1");
        assertThatThrownBy(() -> strategy("class", "SimpleStrategy"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replication_factor");
    }

    @Test
    void emptyRingHasNoReplicas() {
        TokenRing<String> empty = new TokenRing<>(Murmur3Partitioner.INSTANCE, Map.<String, List<String>>of());
        assertThat(simple(3).replicas(empty, t(0))).isEmpty();
        assertThat(strategy("class", "EverywhereStrategy").replicas(empty, t(0))).isEmpty();
        assertThat(strategy("class", "NetworkTopologyStrategy", "dc1", "3").replicas(empty, t(0))).isEmpty();
    }
}
