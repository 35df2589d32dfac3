package io.jsylla.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowYamlTest {

    @Test
    void rendersScalarsListsAndNestedMapsInFlowStyle() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster_name", "a \"quoted\" name");
        m.put("num_tokens", 16);
        m.put("auto_snapshot", false);
        m.put("data_file_directories", List.of("/d1", "/d2"));
        m.put("seed_provider", List.of(Map.of("parameters", List.of(Map.of("seeds", "127.0.0.1:7000")))));
        m.put("nothing", null);
        assertThat(FlowYaml.render(m)).isEqualTo("""
                cluster_name: "a \\"quoted\\" name"
                num_tokens: 16
                auto_snapshot: false
                data_file_directories: ["/d1", "/d2"]
                seed_provider: [{"parameters": [{"seeds": "127.0.0.1:7000"}]}]
                nothing: null
                """);
    }

    @Test
    void escapesControlCharactersAndBackslashes() {
        assertThat(FlowYaml.render(Map.of("k", "a\\b\nc\u0001"))).isEqualTo("k: \"a\\\\b\\nc\\u0001\"\n");
    }
}
