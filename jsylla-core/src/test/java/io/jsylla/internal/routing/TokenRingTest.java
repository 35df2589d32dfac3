package io.jsylla.internal.routing;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenRingTest {

    private static final Partitioner P = Murmur3Partitioner.INSTANCE;

    /** Ring -100:A, 0:B, 50:A, 200:C, plus nodes without tokens. */
    private static TokenRing<String> ring() {
        Map<String, List<String>> tokens = new LinkedHashMap<>();
        tokens.put("C", List.of("200"));
        tokens.put("A", List.of("50", "-100"));
        tokens.put("D", List.of());
        tokens.put("E", null);
        tokens.put("B", List.of("0"));
        return new TokenRing<>(P, tokens);
    }

    private static Token t(long v) {
        return new Murmur3Token(v);
    }

    @Test
    void tokensAreSortedAndTokenlessNodesIgnored() {
        TokenRing<String> ring = ring();
        assertThat(ring.tokens()).containsExactly(t(-100), t(0), t(50), t(200));
        assertThat(ring.size()).isEqualTo(4);
        assertThat(ring.nodes()).containsExactly("A", "B", "C");
        assertThat(ring.partitioner()).isSameAs(P);
    }

    @Test
    void ownerAtATokenIsItsNode() {
        TokenRing<String> ring = ring();
        assertThat(ring.owner(t(-100))).isEqualTo("A");
        assertThat(ring.owner(t(0))).isEqualTo("B");
        assertThat(ring.owner(t(50))).isEqualTo("A");
        assertThat(ring.owner(t(200))).isEqualTo("C");
    }

    @Test
    void tokenJustAfterARingTokenBelongsToTheNextOne() {
        TokenRing<String> ring = ring();
        assertThat(ring.owner(t(-99))).isEqualTo("B");
        assertThat(ring.owner(t(1))).isEqualTo("A");
        assertThat(ring.owner(t(51))).isEqualTo("C");
        assertThat(ring.indexOf(t(51))).isEqualTo(3);
    }

    @Test
    void tokenJustBeforeARingTokenBelongsToIt() {
        TokenRing<String> ring = ring();
        assertThat(ring.owner(t(-1))).isEqualTo("B");
        assertThat(ring.owner(t(49))).isEqualTo("A");
        assertThat(ring.owner(t(199))).isEqualTo("C");
    }

    @Test
    void wrapsAroundPastTheLastAndBelowTheFirst() {
        TokenRing<String> ring = ring();
        assertThat(ring.indexOf(t(201))).isZero();
        assertThat(ring.owner(t(201))).isEqualTo("A");
        assertThat(ring.owner(t(Long.MAX_VALUE))).isEqualTo("A");
        assertThat(ring.owner(t(-101))).isEqualTo("A");
        assertThat(ring.owner(P.minimum())).isEqualTo("A");
        assertThat(ring.indexOf(P.minimum())).isZero();
    }

    @Test
    void singleTokenRingOwnsEverything() {
        TokenRing<String> ring = new TokenRing<>(P, Map.of("solo", List.of("7")));
        assertThat(ring.owner(t(Long.MIN_VALUE))).isEqualTo("solo");
        assertThat(ring.owner(t(7))).isEqualTo("solo");
        assertThat(ring.owner(t(8))).isEqualTo("solo");
    }

    @Test
    void emptyRingHasNoPosition() {
        TokenRing<String> ring = new TokenRing<>(P, Map.of("x", List.of()));
        assertThat(ring.size()).isZero();
        assertThat(ring.indexOf(t(0))).isEqualTo(-1);
        assertThat(ring.owner(t(0))).isNull();
        assertThat(ring.nodes()).isEmpty();
    }

    @Test
    void duplicateTokenAcrossNodesIsRejectedNamingBoth() {
        Map<String, List<String>> tokens = new LinkedHashMap<>();
        tokens.put("node-1", List.of("10", "20"));
        tokens.put("node-2", List.of("30", "20"));
        assertThatThrownBy(() -> new TokenRing<>(P, tokens))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node-1").hasMessageContaining("node-2").hasMessageContaining("20");
    }

    @Test
    void aNodeListingATokenTwiceIsHarmless() {
        TokenRing<String> ring = new TokenRing<>(P, Map.of("a", List.of("10", "10"), "b", List.of("20")));
        assertThat(ring.tokens()).containsExactly(t(10), t(20));
    }

    @Test
    void unparsableTokenNamesTheNode() {
        Map<String, List<String>> tokens = new HashMap<>();
        tokens.put("bad-node", List.of("not-a-token"));
        assertThatThrownBy(() -> new TokenRing<>(P, tokens))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad-node").hasMessageContaining("not-a-token");
    }

    @Test
    void worksWithOtherPartitioners() {
        TokenRing<String> ring = new TokenRing<>(RandomPartitioner.INSTANCE,
                Map.of("a", List.of("100000000000000000000"), "b", List.of("5")));
        assertThat(ring.owner(RandomPartitioner.INSTANCE.parse("6"))).isEqualTo("a");
        assertThat(ring.owner(RandomPartitioner.INSTANCE.minimum())).isEqualTo("b");
    }
}
