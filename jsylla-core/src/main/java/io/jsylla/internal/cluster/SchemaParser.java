package io.jsylla.internal.cluster;

import io.jsylla.ColumnMetadata;
import io.jsylla.DataType;
import io.jsylla.KeyspaceMetadata;
import io.jsylla.Row;
import io.jsylla.TableMetadata;
import io.jsylla.UserTypeMetadata;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Rows of {@code system_schema} to keyspace, table and type metadata. */
final class SchemaParser {
    /** Table options that are not CQL {@code WITH} options. */
    private static final Set<String> NOT_OPTIONS = Set.of("keyspace_name", "table_name", "id", "flags", "extensions",
            // kept in system_schema for old readers, refused by CREATE TABLE since Cassandra 4.0
            "read_repair_chance", "dclocal_read_repair_chance");

    private SchemaParser() {}

    static Map<String, KeyspaceMetadata> parse(List<Row> keyspaces, List<Row> tables, List<Row> columns, List<Row> types) {
        Map<String, Map<String, UserTypeMetadata>> udts = parseTypes(types);
        Map<String, Map<String, List<Row>>> columnsByTable = new HashMap<>();
        for (Row c : columns) {
            columnsByTable.computeIfAbsent(c.getString("keyspace_name"), k -> new HashMap<>())
                    .computeIfAbsent(c.getString("table_name"), k -> new ArrayList<>()).add(c);
        }
        Map<String, Map<String, TableMetadata>> tablesByKs = new HashMap<>();
        for (Row t : tables) {
            String ks = t.getString("keyspace_name");
            String name = t.getString("table_name");
            List<Row> cols = columnsByTable.getOrDefault(ks, Map.of()).getOrDefault(name, List.of());
            Map<String, UserTypeMetadata> ksTypes = udts.getOrDefault(ks, Map.of());
            tablesByKs.computeIfAbsent(ks, k -> new HashMap<>())
                    .put(name, new TableMetadata(ks, name, parseColumns(cols, ksTypes), options(t)));
        }
        Map<String, KeyspaceMetadata> out = new TreeMap<>();
        for (Row k : keyspaces) {
            String ks = k.getString("keyspace_name");
            out.put(ks, new KeyspaceMetadata(ks, k.getBoolean("durable_writes"), k.getMap("replication", String.class, String.class),
                    tablesByKs.getOrDefault(ks, Map.of()), udts.getOrDefault(ks, Map.of())));
        }
        return out;
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

    private static List<ColumnMetadata> parseColumns(List<Row> rows, Map<String, UserTypeMetadata> udts) {
        List<ColumnMetadata> pk = new ArrayList<>();
        List<ColumnMetadata> ck = new ArrayList<>();
        List<ColumnMetadata> rest = new ArrayList<>();
        for (Row r : rows) {
            DataType type = CqlTypeParser.parse(r.getString("type"), n -> {
                UserTypeMetadata u = udts.get(n);
                return u == null ? null : u.toDataType();
            });
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

    /** Every table option as CQL text: strings quoted, maps as literals, numbers and booleans bare. */
    private static Map<String, String> options(Row t) {
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < t.columnSpecs().size(); i++) {
            String name = t.columnSpecs().get(i).name();
            Object v = t.get(i);
            if (NOT_OPTIONS.contains(name) || v == null || v instanceof ByteBuffer) continue;
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
