package io.jsylla.internal.session;

import io.jsylla.ColumnSpec;
import io.jsylla.internal.codec.Variables;
import io.jsylla.internal.protocol.KnownSpecs;
import java.util.List;

/**
 * The driver's state of one prepared statement, shared by every copy of it that options make
 * ({@link DefaultPreparedStatement#withOptions}): what the node said at PREPARE, the variables'
 * codecs, and the latest shape of its result, which changes when the table does.
 */
final class Prepared {
    final String cql;
    /** The session's keyspace at PREPARE, or null. */
    final String keyspace;
    final byte[] id;
    final List<ColumnSpec> variables;
    final Variables bindings;
    final int[] partitionKey;
    /** The keyspace of its partition key (its table's), or null. */
    final String routingKeyspace;
    /** As of PREPARE; results may have changed since ({@link #shape}). */
    final byte[] resultMetadataId;
    final List<ColumnSpec> resultColumns;
    /** A lightweight transaction, as the node marked it at PREPARE (ScyllaDB's LWT metadata mark). */
    final boolean lwt;
    private volatile Shape shape;

    /**
     * The result columns and their metadata id (v5), as last reported for the statement, and on
     * v4 the wire form of those columns (null until an answer brought them) to recognise them
     * again without parsing. An execution keeps the shape it was sent with.
     */
    record Shape(Prepared statement, byte[] metadataId, List<ColumnSpec> columns, KnownSpecs v4Specs) {}

    Prepared(String cql, String keyspace, byte[] id, byte[] resultMetadataId, List<ColumnSpec> variables,
             int[] partitionKey, List<ColumnSpec> resultColumns) {
        this(cql, keyspace, id, resultMetadataId, variables, partitionKey, resultColumns, false);
    }

    Prepared(String cql, String keyspace, byte[] id, byte[] resultMetadataId, List<ColumnSpec> variables,
             int[] partitionKey, List<ColumnSpec> resultColumns, boolean lwt) {
        this.lwt = lwt;
        this.cql = cql;
        this.keyspace = keyspace;
        this.id = id.clone();
        this.resultMetadataId = resultMetadataId == null ? null : resultMetadataId.clone();
        this.variables = List.copyOf(variables);
        this.bindings = Variables.of(this.variables);
        this.partitionKey = partitionKey.clone();
        this.resultColumns = List.copyOf(resultColumns);
        this.routingKeyspace = keyspaceOf(this.variables);
        this.shape = new Shape(this, this.resultMetadataId, this.resultColumns, null);
    }

    private static String keyspaceOf(List<ColumnSpec> vars) {
        for (ColumnSpec v : vars) if (v.keyspace() != null) return v.keyspace();
        return null;
    }

    Shape shape() {
        return shape;
    }

    /** An answer reported new result columns (ALTER TABLE), or v4 columns to recognise from now on. */
    void shape(byte[] metadataId, List<ColumnSpec> columns, KnownSpecs v4Specs) {
        shape = new Shape(this, metadataId, columns, v4Specs);
    }

    @Override
    public String toString() {
        return "Prepared[" + cql + "]";
    }
}
