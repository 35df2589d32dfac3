package io.jsylla;

/**
 * A column of a table.
 *
 * @param position place within its kind (partition key or clustering component), else -1
 * @param descending whether a clustering column sorts in descending order
 */
public record ColumnMetadata(String name, DataType type, Kind kind, int position, boolean descending) {
    /** The role of a column in its table. */
    public enum Kind { PARTITION_KEY, CLUSTERING, REGULAR, STATIC }

    @Override
    public String toString() {
        return CqlIdentifiers.quote(name) + " " + type + (kind == Kind.STATIC ? " static" : "");
    }
}
