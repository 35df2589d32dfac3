package io.jsylla.internal.protocol;

import java.util.List;

/**
 * The bind variables of a prepared statement.
 *
 * @param partitionKeyIndexes for each partition key column in order, the index of its bind
 *                            variable; empty when some key column is not bound directly
 */
public record PreparedMetadata(int flags, int[] partitionKeyIndexes, List<ColumnDef> columns) {
}
