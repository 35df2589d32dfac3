package io.jsylla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DataTypeTest {

    private static DataType udt(String name, boolean frozen) {
        return DataType.udt("ks", name, frozen, List.of("a"), List.of(DataType.primitive(DataType.Kind.INT)));
    }

    @Test
    void toStringIsCqlThatParsesBackWithUdtNamesQuotedWhenTheyMustBe() {
        assertThat(DataType.map(DataType.primitive(DataType.Kind.TEXT),
                DataType.list(udt("address", true), true)).toString())
                .isEqualTo("map<text, frozen<list<frozen<address>>>>");
        assertThat(udt("Address", true).toString()).isEqualTo("frozen<\"Address\">");
        assertThat(udt("order", false).toString()).as("a reserved word").isEqualTo("\"order\"");
        assertThat(DataType.vector(DataType.primitive(DataType.Kind.FLOAT), 3).toString()).isEqualTo("vector<float, 3>");
        assertThat(DataType.tuple(DataType.primitive(DataType.Kind.INT), DataType.set(DataType.primitive(DataType.Kind.UUID))).toString())
                .isEqualTo("tuple<int, set<uuid>>");
    }
}
