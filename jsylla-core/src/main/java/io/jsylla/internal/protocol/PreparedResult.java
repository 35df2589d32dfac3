package io.jsylla.internal.protocol;

/**
 * The answer to PREPARE.
 *
 * @param resultMetadataId v5 only (sent back in EXECUTE), null in v4
 * @param variables        the bind variables
 * @param resultMetadata   the columns an execution returns (may be No_metadata for non-SELECTs)
 */
public record PreparedResult(byte[] id, byte[] resultMetadataId, PreparedMetadata variables,
                             RowsMetadata resultMetadata) implements Result {
}
