package io.jsylla.internal.routing;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TokenMapTest {

    private static final String SIMPLE = "org.apache.cassandra.locator.SimpleStrategy";
    private static final Function<String, String> DC = n -> n.startsWith("x") ? "dc2" : "dc1";
    private static final Function<String, String> RACK = n -> "rack-" + n;

    /** Sorted: -6e18 A, -4069959284402364209 B, 0 C, 3e18 A, 5e18 B, 8e18 C, plus x1 (dc2) at 1e18. */
    private static final Map<String, List<String>> TOKENS = Map.of(
            "A", List.of("-6000000000000000000", "3000000000000000000"),
            "B", List.of("-4069959284402364209", "5000000000000000000"),
            "C", List.of("0", "8000000000000000000"),
            "x1", List.of("1000000000000000000"),
            "joining", List.of());

    private static final Map<String, Map<String, String>> KEYSPACES = Map.of(
            "ks_rf2", Map.of("class", SIMPLE, "replication_factor", "2"),
            "ks_rf2_too", Map.of("class", SIMPLE, "replication_factor", "2"),
            "ks_rf2_short", Map.of("class", "SimpleStrategy", "replication_factor", "2"),
            "ks_nts", Map.of("class", "org.apache.cassandra.locator.NetworkTopologyStrategy", "dc1", "2", "dc2", "1"),
            "system", Map.of("class", "org.apache.cassandra.locator.LocalStrategy"),
            "ks_broken", Map.of("class", SIMPLE, "replication_factor", "lots"));

    private static TokenMap<String> map() {
        return TokenMap.build(Murmur3Partitioner.INSTANCE, TOKENS, DC, RACK, KEYSPACES);
    }

    private static ByteBuffer intKey(int v) {
        return ByteBuffer.allocate(4).putInt(0, v);
    }

    @Test
    void replicasForRoutingKeys() {
        TokenMap<String> map = map();
        // int 1 -> -4069959284402364209, exactly B's token.
        assertThat(map.replicas("ks_rf2", intKey(1))).containsExactly("B", "C");
        // int 2 -> -3248873570005575792, in C's range (0]; next x1, then A.
        assertThat(map.replicas("ks_rf2", intKey(2))).containsExactly("C", "x1");
        assertThat(map.replicas("ks_nts", intKey(2))).containsExactly("C", "x1", "A");
        // int 3 -> 9010454139840013625, past the last token: wraps to A.
        assertThat(map.replicas("ks_rf2", intKey(3))).containsExactly("A", "B");
        // Composite keys hash as composed.
        ByteBuffer composite = RoutingKey.compose(List.of(intKey(1), intKey(2)));
        assertThat(map.replicas("ks_rf2", composite))
                .isEqualTo(map.replicas("ks_rf2", Murmur3Partitioner.INSTANCE.hash(composite)));
    }

    @Test
    void routingKeyIsNotConsumed() {
        ByteBuffer key = intKey(1);
        map().replicas("ks_rf2", key);
        assertThat(key.remaining()).isEqualTo(4);
    }

    @Test
    void unknownKeyspaceLocalStrategyAndMalformedSettings() {
        TokenMap<String> map = map();
        assertThat(map.replicas("nope", intKey(1))).isEmpty();
        assertThat(map.replicas("system", intKey(1))).isEmpty();
        assertThat(map.replicas("ks_broken", intKey(1))).containsExactly("B"); // primary only
    }

    @Test
    void emptyRingGivesNoReplicas() {
        TokenMap<String> map = TokenMap.build(Murmur3Partitioner.INSTANCE, Map.<String, List<String>>of(), DC, RACK, KEYSPACES);
        assertThat(map.replicas("ks_rf2", intKey(1))).isEmpty();
    }

    @Test
    void listsAreCachedPerPositionAndShared() {
        TokenMap<String> map = map();
        List<String> first = map.replicas("ks_rf2", new Murmur3Token(-1));
        // Another token of the same range (-3248873570005575792, 0]: the same instance.
        assertThat(map.replicas("ks_rf2", new Murmur3Token(0))).isSameAs(first);
        assertThat(map.replicas("ks_rf2", intKey(2))).isSameAs(first);
        // Keyspaces with the same settings share the cache, even when spelled differently.
        assertThat(map.replicas("ks_rf2_too", new Murmur3Token(-2))).isSameAs(first);
        assertThat(map.replicas("ks_rf2_short", new Murmur3Token(-2))).isSameAs(first);
        // Different position or settings: a different answer.
        assertThat(map.replicas("ks_rf2", new Murmur3Token(1))).isNotEqualTo(first);
        assertThat(map.replicas("ks_nts", new Murmur3Token(-1))).isNotSameAs(first);
    }

    @Test
    void concurrentCallersSeeOneInstance() {
        TokenMap<String> map = map();
        Set<Integer> identities = IntStream.range(0, 2000).parallel()
                .mapToObj(i -> map.replicas("ks_nts", new Murmur3Token(-i))) // all in the range (B, C]
                .map(System::identityHashCode)
                .collect(Collectors.toSet());
        assertThat(identities).hasSize(1);
    }

    @Test
    void cachedAnswersAgreeWithTheStrategy() {
        TokenMap<String> map = map();
        ReplicationStrategy<String> nts = ReplicationStrategies.of(KEYSPACES.get("ks_nts"), DC, RACK);
        for (long t = Long.MIN_VALUE; t < Long.MAX_VALUE - Long.MAX_VALUE / 50; t += Long.MAX_VALUE / 50) {
            Token token = new Murmur3Token(t);
            assertThat(map.replicas("ks_nts", token)).isEqualTo(nts.replicas(map.ring(), token));
        }
        assertThat(map.partitioner()).isSameAs(Murmur3Partitioner.INSTANCE);
        assertThat(map.ring().nodes()).containsExactlyInAnyOrder("A", "B", "C", "x1");
    }
}
