package io.jsylla;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A keyspace: replication, tables and user-defined types. */
public record KeyspaceMetadata(String name, boolean durableWrites, Map<String, String> replication,
                               Map<String, TableMetadata> tables, Map<String, UserTypeMetadata> userTypes) {
    public KeyspaceMetadata {
        replication = Map.copyOf(replication);
        tables = Map.copyOf(tables);
        userTypes = Map.copyOf(userTypes);
    }

    public List<TableMetadata> getTables() {
        return tables.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    public Optional<TableMetadata> getTable(String table) {
        return Optional.ofNullable(tables.get(table));
    }

    public List<UserTypeMetadata> getUserTypes() {
        return orderedTypes();
    }

    public Optional<UserTypeMetadata> getUserType(String type) {
        return Optional.ofNullable(userTypes.get(type));
    }

    /** The replication options, e.g. {@code class} and {@code replication_factor}. */
    public Map<String, String> replication() {
        return replication;
    }

    /** CQL recreating the keyspace, its types (dependencies first) and its tables. */
    public String describe() {
        Map<String, String> repl = new LinkedHashMap<>();
        String cls = replication.getOrDefault("class", "");
        repl.put("class", cls.startsWith("org.apache.cassandra.locator.") ? cls.substring(29) : cls);
        replication.entrySet().stream().filter(e -> !e.getKey().equals("class")).sorted(Map.Entry.comparingByKey())
                .forEach(e -> repl.put(e.getKey(), e.getValue()));
        StringBuilder sb = new StringBuilder("CREATE KEYSPACE ").append(CqlIdentifiers.quote(name))
                .append(" WITH replication = {")
                .append(repl.entrySet().stream().map(e -> "'" + e.getKey() + "': '" + e.getValue() + "'")
                        .collect(Collectors.joining(", ")))
                .append("} AND durable_writes = ").append(durableWrites).append(";\n");
        for (UserTypeMetadata t : orderedTypes()) sb.append('\n').append(t.describe()).append('\n');
        for (TableMetadata t : getTables()) sb.append('\n').append(t.describe()).append('\n');
        return sb.toString();
    }

    /** Types ordered so that each comes after the types its fields use. */
    private List<UserTypeMetadata> orderedTypes() {
        List<UserTypeMetadata> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        List<String> names = new ArrayList<>(userTypes.keySet());
        names.sort(null);
        for (String n : names) visit(n, done, out);
        return out;
    }

    private void visit(String type, Set<String> done, List<UserTypeMetadata> out) {
        if (!done.add(type)) return;
        UserTypeMetadata t = userTypes.get(type);
        if (t == null) return;
        for (DataType f : t.fieldTypes()) for (String dep : udtNames(f)) visit(dep, done, out);
        out.add(t);
    }

    private static Set<String> udtNames(DataType t) {
        Set<String> s = new HashSet<>();
        if (t.kind() == DataType.Kind.UDT) s.add(t.name());
        for (DataType a : t.typeArguments()) s.addAll(udtNames(a));
        return s;
    }

    @Override
    public String toString() {
        return "KeyspaceMetadata[" + name + " " + replication + ", tables " + tables.keySet() + ", types " + userTypes.keySet() + "]";
    }
}
