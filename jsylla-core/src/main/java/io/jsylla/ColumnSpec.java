package io.jsylla;

import java.util.Objects;

/**
 * A column of a result, or a bind variable of a prepared statement: where it comes from, its
 * name and its CQL type.
 */
public record ColumnSpec(String keyspace, String table, String name, DataType type) {
    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
        return name + " " + type;
    }
}
