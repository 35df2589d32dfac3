package io.jsylla;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A keyspace: replication, tables (with their indexes), user-defined types, materialized views,
 * and user-defined functions and aggregates (keyed by signature, e.g. {@code plus(int, int)}).
 */
public record KeyspaceMetadata(String name, boolean durableWrites, Map<String, String> replication,
                               Map<String, TableMetadata> tables, Map<String, UserTypeMetadata> userTypes,
                               Map<String, ViewMetadata> views, Map<String, FunctionMetadata> functions,
                               Map<String, AggregateMetadata> aggregates) {
    public KeyspaceMetadata {
        replication = Map.copyOf(replication);
        tables = Map.copyOf(tables);
        userTypes = Map.copyOf(userTypes);
        views = Map.copyOf(views);
        functions = Map.copyOf(functions);
        aggregates = Map.copyOf(aggregates);
    }

    /** A keyspace with tables and types only. */
    public KeyspaceMetadata(String name, boolean durableWrites, Map<String, String> replication,
                            Map<String, TableMetadata> tables, Map<String, UserTypeMetadata> userTypes) {
        this(name, durableWrites, replication, tables, userTypes, Map.of(), Map.of(), Map.of());
    }

    public List<TableMetadata> getTables() {
        return tables.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    public Optional<TableMetadata> getTable(String table) {
        return Optional.ofNullable(tables.get(table));
    }

    public List<ViewMetadata> getViews() {
        return sorted(views.values(), ViewMetadata::name);
    }

    public Optional<ViewMetadata> getView(String view) {
        return Optional.ofNullable(views.get(view));
    }

    public List<FunctionMetadata> getFunctions() {
        return sorted(functions.values(), FunctionMetadata::signature);
    }

    public List<AggregateMetadata> getAggregates() {
        return sorted(aggregates.values(), AggregateMetadata::signature);
    }

    private static <T> List<T> sorted(Collection<T> values, Function<T, String> key) {
        return values.stream().sorted(Comparator.comparing(key)).toList();
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

    /**
     * CQL recreating the keyspace: its types (dependencies first), functions, aggregates, tables
     * each followed by its indexes, then views. Statements end with {@code ;} and a new line.
     */
    public String describe() {
        return describe(name);
    }

    /**
     * {@link #describe()} for a copy of this keyspace under another name: every statement creates
     * or refers to {@code asKeyspace}, so running them recreates the schema there.
     */
    public String describe(String asKeyspace) {
        Map<String, String> repl = new LinkedHashMap<>();
        String cls = replication.getOrDefault("class", "");
        repl.put("class", cls.startsWith("org.apache.cassandra.locator.") ? cls.substring(29) : cls);
        replication.entrySet().stream().filter(e -> !e.getKey().equals("class")).sorted(Map.Entry.comparingByKey())
                .forEach(e -> repl.put(e.getKey(), e.getValue()));
        StringBuilder sb = new StringBuilder("CREATE KEYSPACE ").append(CqlIdentifiers.quote(asKeyspace))
                .append(" WITH replication = {")
                .append(repl.entrySet().stream().map(e -> literal(e.getKey()) + ": " + literal(e.getValue()))
                        .collect(Collectors.joining(", ")))
                .append("} AND durable_writes = ").append(durableWrites).append(";\n");
        for (UserTypeMetadata t : orderedTypes()) sb.append('\n').append(t.describe(asKeyspace)).append('\n');
        for (FunctionMetadata f : getFunctions()) sb.append('\n').append(f.describe(asKeyspace)).append('\n');
        for (AggregateMetadata a : getAggregates()) sb.append('\n').append(a.describe(asKeyspace)).append('\n');
        for (TableMetadata t : getTables()) sb.append('\n').append(t.describe(asKeyspace)).append('\n');
        for (ViewMetadata v : getViews()) sb.append('\n').append(v.describe(asKeyspace)).append('\n');
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

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** User types a type uses, in the order its fields name them. */
    private static Set<String> udtNames(DataType t) {
        Set<String> s = new LinkedHashSet<>();
        if (t.kind() == DataType.Kind.UDT) s.add(t.name());
        for (DataType a : t.typeArguments()) s.addAll(udtNames(a));
        return s;
    }

    @Override
    public String toString() {
        return "KeyspaceMetadata[" + name + " " + replication + ", tables " + tables.keySet() + ", types " + userTypes.keySet()
                + ", views " + views.keySet() + ", functions " + functions.keySet() + ", aggregates " + aggregates.keySet() + "]";
    }
}
