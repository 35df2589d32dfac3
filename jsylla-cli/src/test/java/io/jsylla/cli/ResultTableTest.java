package io.jsylla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    @Test
    void topLevelTextGoesUnquotedAndEveryCellStaysOnOneLine() throws Exception {
        assertThat(ResultTable.cell("two\nlines")).isEqualTo("two\\nlines");
        assertThat(ResultTable.cell(List.of("a'b", "c\nd"))).isEqualTo("['a''b', 'c\\nd']");
        assertThat(ResultTable.cell(Map.of(1, InetAddress.getByName("10.0.0.1")))).isEqualTo("{1: 10.0.0.1}");
        assertThat(ResultTable.cell(null)).isEqualTo("null");
    }
}
