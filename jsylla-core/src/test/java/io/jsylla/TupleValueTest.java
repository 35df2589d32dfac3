package io.jsylla;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TupleValueTest {

    private static final DataType TYPE = DataType.tuple(DataType.INT, DataType.TEXT);

    @Test
    void convertsComponentsToTheirNaturalTypes() {
        TupleValue t = TupleValue.of(TYPE, 1L, 'a');
        assertThat(t.get(0)).isEqualTo(1);
        assertThat(t.get(1)).isEqualTo("a");
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.type()).isEqualTo(TYPE);
        assertThat(t.values()).containsExactly(1, "a");
        assertThat(t).isEqualTo(TupleValue.of(TYPE, 1, "a")).hasSameHashCodeAs(TupleValue.of(TYPE, 1, "a"));
    }

    @Test
    void typedGet() {
        TupleValue t = TupleValue.of(TYPE, 1, null);
        assertThat(t.get(0, Integer.class)).isEqualTo(1);
        assertThat(t.get(0, int.class)).isEqualTo(1);
        assertThat(t.get(0, Number.class)).isEqualTo(1);
        assertThat(t.get(1, String.class)).isNull();
        assertThatThrownBy(() -> t.get(0, String.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("component 0 of tuple<int, text> is a java.lang.Integer, not a java.lang.String");
    }

    @Test
    void validates() {
        assertThatThrownBy(() -> TupleValue.of(TYPE, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tuple<int, text> has 2 components, got 1 values");
        assertThatThrownBy(() -> TupleValue.of(TYPE, "x", "y")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("component 0 of tuple<int, text>: cannot bind java.lang.String to int");
        assertThatThrownBy(() -> TupleValue.of(DataType.INT, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a tuple");
    }

    @Test
    void unmodifiable() {
        TupleValue t = TupleValue.of(TYPE, 1, "a");
        assertThatThrownBy(() -> t.values().set(0, 2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void readableToString() {
        assertThat(TupleValue.of(TYPE, 1, "a")).hasToString("(1, 'a')");
        DataType nested = DataType.tuple(DataType.list(DataType.TEXT), DataType.BLOB, TYPE);
        assertThat(TupleValue.of(nested, List.of("x"), ByteBuffer.wrap(new byte[] {10}), TupleValue.of(TYPE, null, "it's")))
                .hasToString("(['x'], 0x0a, (null, 'it''s'))");
    }
}
