package io.jsylla.internal.cluster;

import io.jsylla.AggregateMetadata;
import io.jsylla.ColumnMetadata;
import io.jsylla.DataType;
import io.jsylla.FunctionMetadata;
import io.jsylla.IndexMetadata;
import io.jsylla.KeyspaceMetadata;
import io.jsylla.Row;
import io.jsylla.TableMetadata;
import io.jsylla.UserTypeMetadata;
import io.jsylla.ViewMetadata;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Rows of {@code system_schema} to keyspace, table, type, view, index and function metadata. */
final class SchemaParser {
    /** Table and view columns that are not CQL {@code WITH} options. */
    private static final Set<String> NOT_OPTIONS = Set.of("keyspace_name", "table_name", "id", "flags", "extensions",
            // kept in system_schema for old readers, refused by CREATE TABLE since Cassandra 4.0
            "read_repair_chance", "dclocal_read_repair_chance",
            // what a view is, rather than how it is stored
            "view_name", "base_table_id", "base_table_name", "include_all_columns", "where_clause");

    /**
     * The rows a schema is built from, one list per {@code system_schema} table; a list may be
     * empty (the server lacks the table, or the caller did not read it).
     */
    record Rows(List<Row> keyspaces, List<Row> tables, List<Row> columns, List<Row> types, List<Row> views,
                List<Row> indexes, List<Row> functions, List<Row> aggregates) {}

    private SchemaParser() {}

    /** Keyspaces, tables and types only: no views, indexes or functions. */
    static Map<String, KeyspaceMetadata> parse(List<Row> keyspaces, List<Row> tables, List<Row> columns, List<Row> types) {
        return parse(new Rows(keyspaces, tables, columns, types, List.of(), List.of(), List.of(), List.of()));
    }

    static Map<String, KeyspaceMetadata> parse(Rows rows) {
        Map<String, Map<String, UserTypeMetadata>> udts = parseTypes(rows.types());
        Map<String, Map<String, List<Row>>> columns = byKeyspaceAnd(rows.columns(), "table_name");
        Map<String, Map<String, List<Row>>> indexes = byKeyspaceAnd(rows.indexes(), "table_name");
        Map<String, Map<String, TableMetadata>> tables = new HashMap<>();
        for (Row t : rows.tables()) {
            String ks = t.getString("keyspace_name");
            String name = t.getString("table_name");
            List<IndexMetadata> idx = new ArrayList<>();
            for (Row i : rowsOf(indexes, ks, name)) idx.add(index(i));
            TableMetadata table = new TableMetadata(ks, name, parseColumns(rowsOf(columns, ks, name), udts(udts, ks)),
                    options(t), idx);
            tables.computeIfAbsent(ks, k -> new HashMap<>()).put(name, table);
        }
        Map<String, Map<String, ViewMetadata>> views = new HashMap<>();
        for (Row v : rows.views()) {
            String ks = v.getString("keyspace_name");
            String name = v.getString("view_name");
            ViewMetadata view = new ViewMetadata(ks, name, v.getString("base_table_name"), v.getString("where_clause"),
                    v.getBoolean("include_all_columns"), parseColumns(rowsOf(columns, ks, name), udts(udts, ks)), options(v));
            views.computeIfAbsent(ks, k -> new HashMap<>()).put(name, view);
        }
        Map<String, Map<String, FunctionMetadata>> functions = new HashMap<>();
        for (Row f : rows.functions()) {
            FunctionMetadata fn = function(f, udts(udts, f.getString("keyspace_name")));
            functions.computeIfAbsent(fn.keyspace(), k -> new HashMap<>()).put(fn.signature(), fn);
        }
        Map<String, Map<String, AggregateMetadata>> aggregates = new HashMap<>();
        for (Row a : rows.aggregates()) {
            AggregateMetadata agg = aggregate(a, udts(udts, a.getString("keyspace_name")));
            aggregates.computeIfAbsent(agg.keyspace(), k -> new HashMap<>()).put(agg.signature(), agg);
        }
        Map<String, KeyspaceMetadata> out = new TreeMap<>();
        for (Row k : rows.keyspaces()) {
            String ks = k.getString("keyspace_name");
            out.put(ks, new KeyspaceMetadata(ks, k.getBoolean("durable_writes"), k.getMap("replication", String.class, String.class),
                    tables.getOrDefault(ks, Map.of()), udts.getOrDefault(ks, Map.of()), views.getOrDefault(ks, Map.of()),
                    functions.getOrDefault(ks, Map.of()), aggregates.getOrDefault(ks, Map.of())));
        }
        return out;
    }

    private static Map<String, Map<String, List<Row>>> byKeyspaceAnd(List<Row> rows, String column) {
        Map<String, Map<String, List<Row>>> out = new HashMap<>();
        for (Row r : rows) {
            out.computeIfAbsent(r.getString("keyspace_name"), k -> new HashMap<>())
                    .computeIfAbsent(r.getString(column), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    private static List<Row> rowsOf(Map<String, Map<String, List<Row>>> rows, String ks, String name) {
        return rows.getOrDefault(ks, Map.of()).getOrDefault(name, List.of());
    }

    /** Looks user types up by name in one keyspace, for {@link CqlTypeParser}. */
    private static Function<String, DataType> udts(Map<String, Map<String, UserTypeMetadata>> udts, String ks) {
        Map<String, UserTypeMetadata> types = udts.getOrDefault(ks, Map.of());
        return n -> {
            UserTypeMetadata u = types.get(n);
            return u == null ? null : u.toDataType();
        };
    }

    private static Map<String, Map<String, UserTypeMetadata>> parseTypes(List<Row> rows) {
        Map<String, Map<String, Row>> byKs = new HashMap<>();
        for (Row r : rows) byKs.computeIfAbsent(r.getString("keyspace_name"), k -> new HashMap<>()).put(r.getString("type_name"), r);
        Map<String, Map<String, UserTypeMetadata>> out = new HashMap<>();
        for (Map.Entry<String, Map<String, Row>> e : byKs.entrySet()) {
            Map<String, UserTypeMetadata> done = new LinkedHashMap<>();
            for (String name : e.getValue().keySet()) resolveType(e.getKey(), name, e.getValue(), done);
            out.put(e.getKey(), done);
        }
        return out;
    }

    /** Parses a type after the types its fields use. */
    private static UserTypeMetadata resolveType(String ks, String name, Map<String, Row> rows, Map<String, UserTypeMetadata> done) {
        UserTypeMetadata existing = done.get(name);
        if (existing != null) return existing;
        Row r = rows.get(name);
        if (r == null) return null;
        List<String> names = r.getList("field_names", String.class);
        List<DataType> types = new ArrayList<>();
        for (String t : r.getList("field_types", String.class)) {
            types.add(CqlTypeParser.parse(t, n -> {
                UserTypeMetadata dep = resolveType(ks, n, rows, done);
                return dep == null ? null : dep.toDataType();
            }));
        }
        UserTypeMetadata u = new UserTypeMetadata(ks, name, names, types);
        done.put(name, u);
        return u;
    }

    /** Columns of a table or view in CQL order: partition key, clustering, then the rest by name. */
    private static List<ColumnMetadata> parseColumns(List<Row> rows, Function<String, DataType> udts) {
        List<ColumnMetadata> pk = new ArrayList<>();
        List<ColumnMetadata> ck = new ArrayList<>();
        List<ColumnMetadata> rest = new ArrayList<>();
        for (Row r : rows) {
            DataType type = CqlTypeParser.parse(r.getString("type"), udts);
            ColumnMetadata.Kind kind = switch (r.getString("kind")) {
                case "partition_key" -> ColumnMetadata.Kind.PARTITION_KEY;
                case "clustering" -> ColumnMetadata.Kind.CLUSTERING;
                case "static" -> ColumnMetadata.Kind.STATIC;
                default -> ColumnMetadata.Kind.REGULAR;
            };
            ColumnMetadata c = new ColumnMetadata(r.getString("column_name"), type, kind, r.getInt("position"),
                    "desc".equalsIgnoreCase(r.getString("clustering_order")));
            (kind == ColumnMetadata.Kind.PARTITION_KEY ? pk : kind == ColumnMetadata.Kind.CLUSTERING ? ck : rest).add(c);
        }
        pk.sort((a, b) -> Integer.compare(a.position(), b.position()));
        ck.sort((a, b) -> Integer.compare(a.position(), b.position()));
        rest.sort((a, b) -> a.name().compareTo(b.name()));
        List<ColumnMetadata> all = new ArrayList<>(pk);
        all.addAll(ck);
        all.addAll(rest);
        return all;
    }

    private static IndexMetadata index(Row r) {
        IndexMetadata.Kind kind = switch (r.getString("kind")) {
            case "KEYS" -> IndexMetadata.Kind.KEYS;
            case "COMPOSITES" -> IndexMetadata.Kind.COMPOSITES;
            default -> IndexMetadata.Kind.CUSTOM;
        };
        return new IndexMetadata(r.getString("keyspace_name"), r.getString("table_name"), r.getString("index_name"), kind,
                r.getMap("options", String.class, String.class));
    }

    private static FunctionMetadata function(Row r, Function<String, DataType> udts) {
        return new FunctionMetadata(r.getString("keyspace_name"), r.getString("function_name"),
                r.getList("argument_names", String.class), types(r.getList("argument_types", String.class), udts),
                CqlTypeParser.parse(r.getString("return_type"), udts), r.getBoolean("called_on_null_input"),
                r.getString("language"), r.getString("body"));
    }

    private static AggregateMetadata aggregate(Row r, Function<String, DataType> udts) {
        return new AggregateMetadata(r.getString("keyspace_name"), r.getString("aggregate_name"),
                types(r.getList("argument_types", String.class), udts), r.getString("state_func"),
                CqlTypeParser.parse(r.getString("state_type"), udts), r.getString("final_func"), r.getString("initcond"),
                CqlTypeParser.parse(r.getString("return_type"), udts));
    }

    private static List<DataType> types(List<String> texts, Function<String, DataType> udts) {
        List<DataType> out = new ArrayList<>();
        for (String t : texts) out.add(CqlTypeParser.parse(t, udts));
        return out;
    }

    /** Every table or view option as CQL text: strings quoted, maps as literals, numbers and booleans bare. */
    private static Map<String, String> options(Row t) {
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < t.columnSpecs().size(); i++) {
            String name = t.columnSpecs().get(i).name();
            if (NOT_OPTIONS.contains(name) || t.isNull(i)) continue;
            Object v = t.get(i);
            if (v == null || v instanceof ByteBuffer) continue;
            out.put(name, literal(v));
        }
        return out;
    }

    static String literal(Object v) {
        if (v instanceof String s) return "'" + s.replace("'", "''") + "'";
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            new TreeMap<>(m).forEach((k, x) -> parts.add(literal(String.valueOf(k)) + ": " + literal(x)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof java.util.Collection<?> c) {
            List<String> parts = new ArrayList<>();
            for (Object x : c) parts.add(literal(x));
            return "{" + String.join(", ", parts) + "}";
        }
        return String.valueOf(v);
    }
}
