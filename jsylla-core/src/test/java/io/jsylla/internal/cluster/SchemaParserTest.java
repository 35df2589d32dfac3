package io.jsylla.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.ColumnMetadata;
import io.jsylla.DataType;
import io.jsylla.IndexMetadata;
import io.jsylla.KeyspaceMetadata;
import io.jsylla.TableMetadata;
import io.jsylla.UserTypeMetadata;
import io.jsylla.ViewMetadata;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaParserTest {
    private final KeyspaceMetadata shop = SchemaParser.parse(SchemaFixture.all()).get("shop");

    @Test
    void typesResolveWhateverOrderTheyAreListedIn() {
        UserTypeMetadata item = shop.getUserType("item").orElseThrow();
        DataType from = item.fieldTypes().get(1);
        assertThat(from.kind()).isEqualTo(DataType.Kind.UDT);
        assertThat(from.isFrozen()).isTrue();
        assertThat(from.fieldNames()).containsExactly("street", "tags");
        assertThat(shop.getUserTypes()).extracting(UserTypeMetadata::name).containsExactly("Address", "item");
        assertThat(item.describe("copy")).isEqualTo("CREATE TYPE copy.item (\n    name text,\n    \"from\" frozen<\"Address\">\n);");
    }

    @Test
    void tableColumnsComeInCqlOrder() {
        TableMetadata orders = shop.getTable("Orders").orElseThrow();
        assertThat(orders.columns()).extracting(ColumnMetadata::name)
                .containsExactly("Customer", "day", "ts", "items", "select", "ship_to", "total");
        assertThat(orders.partitionKey()).extracting(ColumnMetadata::name).containsExactly("Customer", "day");
        assertThat(orders.clusteringColumns().get(0).descending()).isTrue();
        assertThat(orders.getColumn("total").orElseThrow().kind()).isEqualTo(ColumnMetadata.Kind.STATIC);
        assertThat(orders.getColumn("ship_to").orElseThrow().type().isFrozen()).isFalse();
    }

    @Test
    void optionsAreCqlLiteralsWithoutWhatCreateTableRefuses() {
        assertThat(shop.getTable("Orders").orElseThrow().options()).isEqualTo(Map.of(
                "bloom_filter_fp_chance", "1.0E-4",
                "caching", "{'keys': 'ALL', 'rows_per_partition': 'NONE'}",
                "comment", "'it''s'",
                "default_time_to_live", "60",
                "speculative_retry", "'99p'"));
    }

    @Test
    void tableDescribeIsFollowedByItsIndexes() {
        assertThat(shop.getTable("Orders").orElseThrow().describe("copy")).isEqualTo("""
                CREATE TABLE copy."Orders" (
                    "Customer" text,
                    day date,
                    ts timestamp,
                    items map<text, frozen<item>>,
                    "select" vector<float, 3>,
                    ship_to "Address",
                    total decimal static,
                    PRIMARY KEY (("Customer", day), ts)
                ) WITH CLUSTERING ORDER BY (ts DESC)
                    AND bloom_filter_fp_chance = 1.0E-4
                    AND caching = {'keys': 'ALL', 'rows_per_partition': 'NONE'}
                    AND comment = 'it''s'
                    AND default_time_to_live = 60
                    AND speculative_retry = '99p';
                CREATE CUSTOM INDEX "Vec" ON copy."Orders" ("select") USING 'StorageAttachedIndex' \
                WITH OPTIONS = {'similarity_function': 'cosine'};
                CREATE INDEX items_idx ON copy."Orders" (keys(items));""");
    }

    @Test
    void indexes() {
        List<IndexMetadata> indexes = shop.getTable("Orders").orElseThrow().indexes();
        assertThat(indexes).extracting(IndexMetadata::name).containsExactly("Vec", "items_idx");
        assertThat(indexes.get(0).kind()).isEqualTo(IndexMetadata.Kind.CUSTOM);
        assertThat(indexes.get(0).className()).contains("StorageAttachedIndex");
        assertThat(indexes.get(1).className()).isEmpty();
        assertThat(indexes.get(1).target()).isEqualTo("keys(items)");
    }

    @Test
    void viewsHaveTheirOwnKeyAndNoTableOfTheirOwn() {
        assertThat(shop.tables()).containsOnlyKeys("Orders");
        ViewMetadata v = shop.getView("by_day").orElseThrow();
        assertThat(v.baseTable()).isEqualTo("Orders");
        assertThat(v.options()).containsOnlyKeys("comment");
        assertThat(v.describe("copy")).isEqualTo("""
                CREATE MATERIALIZED VIEW copy.by_day AS
                    SELECT day, "Customer", ts
                    FROM copy."Orders"
                    WHERE day IS NOT NULL AND "Customer" IS NOT NULL AND ts IS NOT NULL
                    PRIMARY KEY (day, "Customer", ts) WITH CLUSTERING ORDER BY ("Customer" ASC, ts ASC)
                    AND comment = '';""");
    }

    @Test
    void functionsAndAggregates() {
        assertThat(shop.functions()).containsOnlyKeys("plus(int, int)", "name_of(frozen<item>)");
        assertThat(shop.functions().get("plus(int, int)").describe("copy")).isEqualTo("""
                CREATE FUNCTION copy.plus(a int, "B" int)
                    RETURNS NULL ON NULL INPUT
                    RETURNS int
                    LANGUAGE java
                    AS 'return a + B; // costs $$';""");
        assertThat(shop.functions().get("name_of(frozen<item>)").describe()).endsWith(
                "CALLED ON NULL INPUT\n    RETURNS text\n    LANGUAGE java\n    AS $$return i.getString(\"name\");$$;");
        assertThat(shop.aggregates().get("total(int)").describe("copy")).isEqualTo("""
                CREATE AGGREGATE copy.total(int)
                    SFUNC plus
                    STYPE int
                    INITCOND 0;""");
    }

    @Test
    void keyspaceDescribeOrdersStatementsSoEachFindsWhatItUses() {
        String cql = shop.describe("copy");
        assertThat(cql).startsWith("CREATE KEYSPACE copy WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': '3'}"
                + " AND durable_writes = false;\n");
        assertThat(cql).doesNotContain("shop");
        List<String> order = List.of("CREATE TYPE copy.\"Address\"", "CREATE TYPE copy.item", "CREATE FUNCTION copy.name_of",
                "CREATE AGGREGATE copy.total", "CREATE TABLE copy.\"Orders\"", "CREATE INDEX items_idx",
                "CREATE MATERIALIZED VIEW copy.by_day");
        for (int i = 1; i < order.size(); i++) {
            assertThat(cql.indexOf(order.get(i - 1))).as(order.get(i - 1)).isNotNegative().isLessThan(cql.indexOf(order.get(i)));
        }
        assertThat(shop.describe()).isEqualTo(shop.describe("shop"));
    }

    @Test
    void theFourListFormReadsNoViewsIndexesOrFunctions() {
        KeyspaceMetadata k = SchemaParser.parse(SchemaFixture.keyspaces().rows(), SchemaFixture.tables().rows(),
                SchemaFixture.columns().rows(), SchemaFixture.types().rows()).get("shop");
        assertThat(k.tables()).containsOnlyKeys("Orders");
        assertThat(k.getTable("Orders").orElseThrow().columns()).isEqualTo(shop.getTable("Orders").orElseThrow().columns());
        assertThat(k.views()).isEmpty();
        assertThat(k.functions()).isEmpty();
        assertThat(k.getTable("Orders").orElseThrow().indexes()).isEmpty();
    }
}
