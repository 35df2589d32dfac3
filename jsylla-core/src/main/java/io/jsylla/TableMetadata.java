package io.jsylla;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A table: its columns in CQL order (partition key, clustering, then the rest by name) and its
 * options, each already written as CQL ({@code 'text'}, numbers, {@code {'class': ...}} maps).
 */
public record TableMetadata(String keyspace, String name, List<ColumnMetadata> columns, Map<String, String> options) {
    public TableMetadata {
        columns = List.copyOf(columns);
        options = Map.copyOf(options);
    }

    public Optional<ColumnMetadata> getColumn(String column) {
        return columns.stream().filter(c -> c.name().equals(column)).findFirst();
    }

    public List<ColumnMetadata> partitionKey() {
        return ofKind(ColumnMetadata.Kind.PARTITION_KEY);
    }

    public List<ColumnMetadata> clusteringColumns() {
        return ofKind(ColumnMetadata.Kind.CLUSTERING);
    }

    private List<ColumnMetadata> ofKind(ColumnMetadata.Kind kind) {
        List<ColumnMetadata> out = new ArrayList<>();
        for (ColumnMetadata c : columns) if (c.kind() == kind) out.add(c);
        out.sort((a, b) -> Integer.compare(a.position(), b.position()));
        return out;
    }

    /** {@code CREATE TABLE} recreating this table (options included). */
    public String describe() {
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(CqlIdentifiers.quote(keyspace)).append('.')
                .append(CqlIdentifiers.quote(name)).append(" (\n");
        for (ColumnMetadata c : columns) sb.append("    ").append(c).append(",\n");
        String pk = partitionKey().stream().map(c -> CqlIdentifiers.quote(c.name())).collect(Collectors.joining(", "));
        List<ColumnMetadata> clustering = clusteringColumns();
        sb.append("    PRIMARY KEY (").append(partitionKey().size() > 1 ? "(" + pk + ")" : pk);
        for (ColumnMetadata c : clustering) sb.append(", ").append(CqlIdentifiers.quote(c.name()));
        sb.append(")\n)");
        List<String> with = new ArrayList<>();
        if (!clustering.isEmpty()) {
            with.add("CLUSTERING ORDER BY (" + clustering.stream()
                    .map(c -> CqlIdentifiers.quote(c.name()) + (c.descending() ? " DESC" : " ASC"))
                    .collect(Collectors.joining(", ")) + ")");
        }
        options.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> with.add(e.getKey() + " = " + e.getValue()));
        if (!with.isEmpty()) sb.append(" WITH ").append(String.join("\n    AND ", with));
        return sb.append(';').toString();
    }
}
