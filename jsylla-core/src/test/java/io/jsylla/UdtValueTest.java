package io.jsylla;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UdtValueTest {

    private static final DataType PERSON = DataType.udt("ks", "person", true, List.of("first_name", "age"),
            List.of(DataType.TEXT, DataType.INT));

    @Test
    void builderConvertsAndKeepsFieldOrder() {
        UdtValue u = UdtValue.builder(PERSON).set("age", 3L).set("first_name", "a").build();
        assertThat(u.fields()).containsExactly(Map.entry("first_name", "a"), Map.entry("age", 3));
        assertThat(u.get("age")).isEqualTo(3);
        assertThat(u.get("age", Integer.class)).isEqualTo(3);
        assertThat(u.get("age", int.class)).isEqualTo(3);
        assertThat(u.type()).isEqualTo(PERSON);
        assertThat(u).hasToString("{first_name: 'a', age: 3}");
        assertThat(u).isEqualTo(UdtValue.builder(PERSON).set("first_name", "a").set("age", 3).build());
        assertThat(u.hashCode()).isEqualTo(UdtValue.builder(PERSON).set("first_name", "a").set("age", 3).build().hashCode());
    }

    @Test
    void unsetFieldsAreNull() {
        UdtValue u = UdtValue.builder(PERSON).set("age", 1).build();
        assertThat(u.get("first_name")).isNull();
        assertThat(u.get("first_name", String.class)).isNull();
        assertThat(u).hasToString("{first_name: null, age: 1}");
    }

    @Test
    void errorsNameTheFieldAndType() {
        assertThatThrownBy(() -> UdtValue.builder(PERSON).set("nick", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("frozen<person> has no field 'nick' (fields: first_name, age)");
        assertThatThrownBy(() -> UdtValue.builder(PERSON).set("age", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field age of frozen<person>: cannot bind java.lang.String to int");
        UdtValue u = UdtValue.builder(PERSON).set("age", 1).build();
        assertThatThrownBy(() -> u.get("nick")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nick'");
        assertThatThrownBy(() -> u.get("age", String.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field age of frozen<person> is a java.lang.Integer, not a java.lang.String");
        assertThatThrownBy(() -> UdtValue.builder(DataType.TEXT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fieldsAreUnmodifiable() {
        UdtValue u = UdtValue.builder(PERSON).build();
        assertThatThrownBy(() -> u.fields().put("age", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toBuilderMakesAChangedCopy() {
        UdtValue u = UdtValue.builder(PERSON).set("first_name", "a").set("age", 1).build();
        UdtValue older = u.toBuilder().set("age", 2).build();
        assertThat(older.fields()).containsExactly(Map.entry("first_name", "a"), Map.entry("age", 2));
        assertThat(u.get("age")).isEqualTo(1);
        assertThat(u.toBuilder().build()).isEqualTo(u).isNotSameAs(u);
    }

    @Test
    void frozennessIsNotPartOfTheValue() {
        DataType unfrozen = DataType.udt("ks", "person", false, List.of("first_name", "age"), List.of(DataType.TEXT, DataType.INT));
        UdtValue a = UdtValue.builder(PERSON).set("age", 1).build();
        UdtValue b = UdtValue.builder(unfrozen).set("age", 1).build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        DataType otherName = DataType.udt("ks", "human", true, List.of("first_name", "age"), List.of(DataType.TEXT, DataType.INT));
        assertThat(a).isNotEqualTo(UdtValue.builder(otherName).set("age", 1).build());
    }
}
