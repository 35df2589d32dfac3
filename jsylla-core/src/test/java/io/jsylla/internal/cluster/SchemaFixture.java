package io.jsylla.internal.cluster;

import static io.jsylla.DataType.BLOB;
import static io.jsylla.DataType.BOOLEAN;
import static io.jsylla.DataType.DOUBLE;
import static io.jsylla.DataType.INT;
import static io.jsylla.DataType.TEXT;
import static io.jsylla.DataType.UUID;

import io.jsylla.DataType;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A made-up keyspace {@code shop} as {@code system_schema} would list it: two types (the first
 * listed uses the second), a table with a composite key, a descending clustering column, a static
 * column, an index and a custom index, a view, a function with a '$' in its body and an aggregate.
 */
final class SchemaFixture {
    private static final DataType TEXT_MAP = DataType.map(TEXT, TEXT);
    private static final DataType TEXT_LIST = DataType.list(TEXT);
    private static final java.util.UUID ID = new java.util.UUID(1, 2);

    private SchemaFixture() {}

    static SchemaRows keyspaces() {
        return SchemaRows.of("keyspaces", "keyspace_name", TEXT, "durable_writes", BOOLEAN, "replication", TEXT_MAP)
                .row("shop", false, Map.of("class", "org.apache.cassandra.locator.NetworkTopologyStrategy", "dc1", "3"));
    }

    static SchemaRows tables() {
        return SchemaRows.of("tables", "keyspace_name", TEXT, "table_name", TEXT, "bloom_filter_fp_chance", DOUBLE,
                        "caching", TEXT_MAP, "cdc", BOOLEAN, "comment", TEXT, "default_time_to_live", INT,
                        "extensions", DataType.map(TEXT, BLOB), "flags", DataType.set(TEXT), "id", UUID,
                        "read_repair_chance", DOUBLE, "speculative_retry", TEXT)
                .row("shop", "Orders", 0.0001, Map.of("keys", "ALL", "rows_per_partition", "NONE"), null, "it's",
                        60, Map.of("x", ByteBuffer.wrap(new byte[] {1})), Set.of("compound"), ID, 0.0, "99p");
    }

    static SchemaRows columns() {
        SchemaRows c = SchemaRows.of("columns", "keyspace_name", TEXT, "table_name", TEXT, "column_name", TEXT,
                "clustering_order", TEXT, "kind", TEXT, "position", INT, "type", TEXT);
        c.row("shop", "Orders", "day", "none", "partition_key", 1, "date");
        c.row("shop", "Orders", "Customer", "none", "partition_key", 0, "text");
        c.row("shop", "Orders", "ts", "desc", "clustering", 0, "timestamp");
        c.row("shop", "Orders", "total", "none", "static", -1, "decimal");
        c.row("shop", "Orders", "items", "none", "regular", -1, "map<text, frozen<item>>");
        c.row("shop", "Orders", "ship_to", "none", "regular", -1, "\"Address\"");
        c.row("shop", "Orders", "select", "none", "regular", -1, "vector<float, 3>");
        c.row("shop", "by_day", "day", "none", "partition_key", 0, "date");
        c.row("shop", "by_day", "Customer", "none", "clustering", 0, "text");
        c.row("shop", "by_day", "ts", "asc", "clustering", 1, "timestamp");
        return c;
    }

    static SchemaRows types() {
        return SchemaRows.of("types", "keyspace_name", TEXT, "type_name", TEXT, "field_names", TEXT_LIST, "field_types", TEXT_LIST)
                .row("shop", "item", List.of("name", "from"), List.of("text", "frozen<\"Address\">"))
                .row("shop", "Address", List.of("street", "tags"), List.of("text", "set<text>"));
    }

    static SchemaRows views() {
        return SchemaRows.of("views", "keyspace_name", TEXT, "view_name", TEXT, "base_table_id", UUID, "base_table_name", TEXT,
                        "include_all_columns", BOOLEAN, "where_clause", TEXT, "comment", TEXT, "id", UUID)
                .row("shop", "by_day", ID, "Orders", false, "day IS NOT NULL AND \"Customer\" IS NOT NULL AND ts IS NOT NULL",
                        "", ID);
    }

    static SchemaRows indexes() {
        return SchemaRows.of("indexes", "keyspace_name", TEXT, "table_name", TEXT, "index_name", TEXT, "kind", TEXT, "options", TEXT_MAP)
                .row("shop", "Orders", "items_idx", "COMPOSITES", Map.of("target", "keys(items)"))
                .row("shop", "Orders", "Vec", "CUSTOM", Map.of("target", "\"select\"", "class_name", "StorageAttachedIndex",
                        "similarity_function", "cosine"));
    }

    static SchemaRows functions() {
        return SchemaRows.of("functions", "keyspace_name", TEXT, "function_name", TEXT, "argument_types", TEXT_LIST,
                        "argument_names", TEXT_LIST, "body", TEXT, "called_on_null_input", BOOLEAN, "language", TEXT,
                        "return_type", TEXT)
                .row("shop", "plus", List.of("int", "int"), List.of("a", "B"), "return a + B; // costs $$", false, "java", "int")
                .row("shop", "name_of", List.of("frozen<item>"), List.of("i"), "return i.getString(\"name\");", true, "java", "text");
    }

    static SchemaRows aggregates() {
        return SchemaRows.of("aggregates", "keyspace_name", TEXT, "aggregate_name", TEXT, "argument_types", TEXT_LIST,
                        "final_func", TEXT, "initcond", TEXT, "return_type", TEXT, "state_func", TEXT, "state_type", TEXT)
                .row("shop", "total", List.of("int"), null, "0", "int", "plus", "int");
    }

    static SchemaParser.Rows all() {
        return new SchemaParser.Rows(keyspaces().rows(), tables().rows(), columns().rows(), types().rows(), views().rows(),
                indexes().rows(), functions().rows(), aggregates().rows());
    }
}
