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

    @Test
    void builderAndChangedCopies() {
        TupleValue t = TupleValue.builder(TYPE).set(1, "b").build();
        assertThat(t.values()).containsExactly(null, "b");
        TupleValue changed = t.toBuilder().set(0, (short) 5).build();
        assertThat(changed).isEqualTo(TupleValue.of(TYPE, 5, "b"));
        assertThat(t.get(0)).isNull();
        assertThatThrownBy(() -> TupleValue.builder(TYPE).set(2, 1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("component 2 of tuple<int, text>");
        assertThatThrownBy(() -> TupleValue.builder(TYPE).set(0, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("component 0 of tuple<int, text>: cannot bind java.lang.Double to int");
        assertThatThrownBy(() -> TupleValue.builder(DataType.INT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void frozennessIsNotPartOfTheValue() {
        TupleValue a = TupleValue.of(DataType.tuple(DataType.list(DataType.INT, true)), List.of(1));
        TupleValue b = TupleValue.of(DataType.tuple(DataType.list(DataType.INT)), List.of(1));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(TupleValue.of(DataType.tuple(DataType.set(DataType.INT)), java.util.Set.of(1)));
    }
}
