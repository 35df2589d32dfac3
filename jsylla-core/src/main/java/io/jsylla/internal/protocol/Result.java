package io.jsylla.internal.protocol;

/** RESULT: the outcome of QUERY, PREPARE, EXECUTE or BATCH, by kind. */
public sealed interface Result extends Response permits VoidResult, RowsResult, RowsInFrame, SetKeyspaceResult,
        PreparedResult, SchemaChangeResult {

    int VOID = 0x0001;
    int ROWS = 0x0002;
    int SET_KEYSPACE = 0x0003;
    int PREPARED = 0x0004;
    int SCHEMA_CHANGE = 0x0005;
}
