package io.jsylla;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A table: its columns in CQL order (partition key, clustering, then the rest by name), its
 * options, each already written as CQL ({@code 'text'}, numbers, {@code {'class': ...}} maps),
 * and its secondary indexes by name.
 */
public record TableMetadata(String keyspace, String name, List<ColumnMetadata> columns, Map<String, String> options,
                            List<IndexMetadata> indexes) {
    public TableMetadata {
        columns = List.copyOf(columns);
        options = Map.copyOf(options);
        indexes = indexes.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    /** A table without secondary indexes. */
    public TableMetadata(String keyspace, String name, List<ColumnMetadata> columns, Map<String, String> options) {
        this(keyspace, name, columns, options, List.of());
    }

    public Optional<ColumnMetadata> getColumn(String column) {
        return columns.stream().filter(c -> c.name().equals(column)).findFirst();
    }

    public Optional<IndexMetadata> getIndex(String index) {
        return indexes.stream().filter(i -> i.name().equals(index)).findFirst();
    }

    public List<ColumnMetadata> partitionKey() {
        return ofKind(columns, ColumnMetadata.Kind.PARTITION_KEY);
    }

    public List<ColumnMetadata> clusteringColumns() {
        return ofKind(columns, ColumnMetadata.Kind.CLUSTERING);
    }

    static List<ColumnMetadata> ofKind(List<ColumnMetadata> columns, ColumnMetadata.Kind kind) {
        List<ColumnMetadata> out = new ArrayList<>();
        for (ColumnMetadata c : columns) if (c.kind() == kind) out.add(c);
        out.sort((a, b) -> Integer.compare(a.position(), b.position()));
        return out;
    }

    /** {@code CREATE TABLE} recreating this table (options included), then its indexes, one statement a line. */
    public String describe() {
        return describe(keyspace);
    }

    /** {@link #describe()} for the same table in another keyspace. */
    public String describe(String asKeyspace) {
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(CqlIdentifiers.quote(asKeyspace)).append('.')
                .append(CqlIdentifiers.quote(name)).append(" (\n");
        for (ColumnMetadata c : columns) sb.append("    ").append(c).append(",\n");
        sb.append("    ").append(primaryKey(partitionKey(), clusteringColumns())).append("\n)")
                .append(with(clusteringColumns(), options)).append(';');
        for (IndexMetadata i : indexes) sb.append('\n').append(i.describe(asKeyspace));
        return sb.toString();
    }

    /** {@code PRIMARY KEY ((a, b), c)}, with the inner parentheses only for a composite partition key. */
    static String primaryKey(List<ColumnMetadata> partitionKey, List<ColumnMetadata> clustering) {
        String pk = names(partitionKey);
        StringBuilder sb = new StringBuilder("PRIMARY KEY (").append(partitionKey.size() > 1 ? "(" + pk + ")" : pk);
        if (!clustering.isEmpty()) sb.append(", ").append(names(clustering));
        return sb.append(')').toString();
    }

    /** The {@code WITH} clause: clustering order, then the options by name; empty when there is neither. */
    static String with(List<ColumnMetadata> clustering, Map<String, String> options) {
        List<String> with = new ArrayList<>();
        if (!clustering.isEmpty()) {
            with.add("CLUSTERING ORDER BY (" + clustering.stream()
                    .map(c -> CqlIdentifiers.quote(c.name()) + (c.descending() ? " DESC" : " ASC"))
                    .collect(Collectors.joining(", ")) + ")");
        }
        options.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> with.add(e.getKey() + " = " + e.getValue()));
        return with.isEmpty() ? "" : " WITH " + String.join("\n    AND ", with);
    }

    static String names(List<ColumnMetadata> columns) {
        return columns.stream().map(c -> CqlIdentifiers.quote(c.name())).collect(Collectors.joining(", "));
    }
}
