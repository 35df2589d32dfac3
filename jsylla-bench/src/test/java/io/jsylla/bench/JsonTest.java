package io.jsylla.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesAndReadsBackNestedValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a \"quoted\" \\ line\nand\ttab \u0001");
        m.put("n", 42L);
        m.put("d", 1.5);
        m.put("nan", Double.NaN);
        m.put("b", true);
        m.put("null", null);
        m.put("list", Arrays.asList(1L, "two", null, List.of()));
        m.put("map", Map.of());
        String text = Json.write(m);
        assertThat(text).startsWith("{\"s\":\"a \\\"quoted\\\" \\\\ line\\nand\\ttab \\u0001\",\"n\":42,\"d\":1.5,\"nan\":null,");
        Map<String, Object> expected = new LinkedHashMap<>(m);
        expected.put("nan", null);
        assertThat(Json.parse(text)).isEqualTo(expected);
    }

    @Test
    void readsWhitespaceAndExponents() {
        assertThat(Json.parse(" { \"a\" : [ 1 , 2.5e3 , -3 ] } ")).isEqualTo(Map.of("a", List.of(1L, 2500.0, -3L)));
    }

    @Test
    void refusesMalformedText() {
        assertThatThrownBy(() -> Json.parse("{\"a\":1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("[1] x")).hasMessageContaining("trailing");
    }
}
