package io.jsylla.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InitialTokensTest {

    @Test
    void nodesGetDistinctInterleavedEvenlySpacedTokens() {
        Set<Long> all = new HashSet<>();
        List<Long> sorted = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            List<Long> tokens = InitialTokens.forNode(node, 3, 16);
            assertThat(tokens).hasSize(16).isSorted();
            all.addAll(tokens);
            sorted.addAll(tokens);
        }
        assertThat(all).hasSize(48);
        sorted.sort(null);
        long step = sorted.get(1) - sorted.get(0);
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i) - sorted.get(i - 1)).isBetween(step - 1, step + 1);
        }
        // Slots alternate between nodes around the ring.
        assertThat(InitialTokens.forNode(0, 3, 16).get(0)).isEqualTo(sorted.get(0));
        assertThat(InitialTokens.forNode(1, 3, 16).get(0)).isEqualTo(sorted.get(1));
    }

    @Test
    void neverHandsOutTheMinimumToken() {
        // One token alone sits half a ring from the minimum: at zero.
        assertThat(InitialTokens.forNode(0, 1, 1)).containsExactly(0L);
        assertThat(InitialTokens.forNode(0, 2, 8)).doesNotContain(Long.MIN_VALUE);
    }

    @Test
    void formatsForCassandraYaml() {
        assertThat(InitialTokens.asYamlValue(List.of(-5L, 7L))).isEqualTo("-5,7");
    }

    @Test
    void rejectsImpossibleLayouts() {
        assertThatThrownBy(() -> InitialTokens.forNode(3, 3, 16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InitialTokens.forNode(0, 0, 16)).isInstanceOf(IllegalArgumentException.class);
    }
}
