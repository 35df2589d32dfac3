package io.jsylla;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CqlVectorTest {

    @Test
    void floats() {
        CqlVector<Float> v = CqlVector.ofFloats(1, 2);
        assertThat(v.size()).isEqualTo(2);
        assertThat(v.get(1)).isEqualTo(2f);
        assertThat(v.toFloatArray()).containsExactly(1f, 2f);
        assertThat(v.toList()).containsExactly(1f, 2f);
        assertThat(v).containsExactly(1f, 2f);
        assertThat(v).hasToString("[1.0, 2.0]");
        assertThat(v).isEqualTo(CqlVector.of(List.of(1f, 2f))).hasSameHashCodeAs(CqlVector.of(List.of(1f, 2f)));
        assertThat(v).isNotEqualTo(CqlVector.ofFloats(2, 1));
    }

    @Test
    void copiesItsInput() {
        List<String> source = new ArrayList<>(List.of("a"));
        CqlVector<String> v = CqlVector.of(source);
        source.set(0, "b");
        assertThat(v.get(0)).isEqualTo("a");
        assertThat(v).hasToString("['a']");
        assertThatThrownBy(() -> v.toList().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejections() {
        assertThatThrownBy(() -> CqlVector.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CqlVector.of(Arrays.asList(1f, null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("element 1 is null");
        assertThatThrownBy(() -> CqlVector.of(List.of("a")).toFloatArray()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("java.lang.String");
    }
}
