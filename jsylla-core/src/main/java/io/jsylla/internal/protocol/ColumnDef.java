package io.jsylla.internal.protocol;

import io.jsylla.DataType;

/** A column of a result, or a bind variable of a prepared statement. */
public record ColumnDef(String keyspace, String table, String name, DataType type) {
}
