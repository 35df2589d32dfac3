package io.jsylla;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A materialized view: the table it selects from, its filter, its own primary key and columns
 * (in CQL order, as for {@link TableMetadata}) and options (as CQL text).
 *
 * @param whereClause the {@code WHERE} condition as the server keeps it, already CQL
 * @param includeAllColumns whether the view was made with {@code SELECT *}
 */
public record ViewMetadata(String keyspace, String name, String baseTable, String whereClause, boolean includeAllColumns,
                           List<ColumnMetadata> columns, Map<String, String> options) {
    public ViewMetadata {
        columns = List.copyOf(columns);
        options = Map.copyOf(options);
    }

    public Optional<ColumnMetadata> getColumn(String column) {
        return columns.stream().filter(c -> c.name().equals(column)).findFirst();
    }

    public List<ColumnMetadata> partitionKey() {
        return TableMetadata.ofKind(columns, ColumnMetadata.Kind.PARTITION_KEY);
    }

    public List<ColumnMetadata> clusteringColumns() {
        return TableMetadata.ofKind(columns, ColumnMetadata.Kind.CLUSTERING);
    }

    /** {@code CREATE MATERIALIZED VIEW} recreating this view. */
    public String describe() {
        return describe(keyspace);
    }

    /** {@link #describe()} for the same view, on the same base table, in another keyspace. */
    public String describe(String asKeyspace) {
        String ks = CqlIdentifiers.quote(asKeyspace);
        return "CREATE MATERIALIZED VIEW " + ks + "." + CqlIdentifiers.quote(name) + " AS\n"
                + "    SELECT " + (includeAllColumns ? "*" : TableMetadata.names(columns)) + "\n"
                + "    FROM " + ks + "." + CqlIdentifiers.quote(baseTable) + "\n"
                + "    WHERE " + whereClause + "\n"
                + "    " + TableMetadata.primaryKey(partitionKey(), clusteringColumns())
                + TableMetadata.with(clusteringColumns(), options) + ";";
    }
}
