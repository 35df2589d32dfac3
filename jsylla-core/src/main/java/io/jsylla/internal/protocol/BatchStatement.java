package io.jsylla.internal.protocol;

/**
 * One child of a BATCH: either a CQL string or a prepared id, with positional values (the spec's
 * named values in batches cannot work, see CASSANDRA-10246).
 */
public record BatchStatement(String cql, byte[] preparedId, Values values) {

    public BatchStatement {
        if ((cql == null) == (preparedId == null)) {
            throw new IllegalArgumentException("a batch statement needs exactly one of a CQL string or a prepared id");
        }
        if (values == null) values = Values.NONE;
        if (values.names() != null) throw new IllegalArgumentException("batch statements take positional values only");
    }

    public static BatchStatement query(String cql, Values values) {
        return new BatchStatement(cql, null, values);
    }

    public static BatchStatement prepared(byte[] id, Values values) {
        return new BatchStatement(null, id, values);
    }
}
