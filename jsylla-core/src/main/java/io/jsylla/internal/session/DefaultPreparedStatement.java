package io.jsylla.internal.session;

import io.jsylla.BoundStatement;
import io.jsylla.ColumnSpec;
import io.jsylla.PreparedStatement;
import io.jsylla.StatementOptions;
import io.jsylla.internal.codec.Binder;
import io.jsylla.internal.protocol.Execute;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The session's prepared statement: the public type over the driver's {@link Prepared} state. */
final class DefaultPreparedStatement extends PreparedStatement {
    final Prepared prepared;
    /** These options resolved against the session ({@link StatementRunner}): statements reuse their options. */
    volatile ResolvedOptions resolved;
    private volatile SharedFor shared;

    /** The part of EXECUTE shared by executions at these resolved options and this result shape. */
    private record SharedFor(ResolvedOptions options, Prepared.Shape shape, Execute.Shared shared) {}

    DefaultPreparedStatement(Prepared prepared, StatementOptions options) {
        super(options);
        this.prepared = prepared;
    }

    /** The driver's own implementation of {@code ps}, or a clear refusal of another one. */
    static DefaultPreparedStatement of(PreparedStatement ps) {
        if (ps instanceof DefaultPreparedStatement d) return d;
        throw new IllegalArgumentException("not a statement this driver prepared: " + (ps == null ? null : ps.getClass().getName())
                + "; use Session.prepare");
    }

    /** What every EXECUTE of this statement at these options and this result shape sends alike: made once, not per request. */
    Execute.Shared shared(ResolvedOptions options, Prepared.Shape shape, boolean skipMetadata) {
        SharedFor s = shared;
        if (s != null && s.options == options && s.shape == shape && s.shared.skipMetadata() == skipMetadata) return s.shared;
        Execute.Shared made = new Execute.Shared(prepared.id, shape.metadataId(), options.consistency(), prepared.variables.size(),
                skipMetadata, options.pageSize(), options.serialConsistency());
        shared = new SharedFor(options, shape, made);
        return made;
    }

    /** The values' wire form, checked against the variables: the hot path binds without a statement object. */
    byte[] bindWire(Object[] values) {
        return Binder.positionalWire(prepared.cql, prepared.bindings, values);
    }

    @Override
    public BoundStatement bind(Object... values) {
        return new DefaultBoundStatement(this, bindWire(values), options());
    }

    @Override
    public BoundStatement bind(Map<String, ?> values) {
        return new DefaultBoundStatement(this, Binder.named(prepared.cql, prepared.bindings, values).wire(), options());
    }

    @Override
    public String getCql() {
        return prepared.cql;
    }

    @Override
    public String getKeyspace() {
        return prepared.keyspace;
    }

    @Override
    public byte[] getId() {
        return prepared.id.clone();
    }

    @Override
    public byte[] getResultMetadataId() {
        return prepared.resultMetadataId == null ? null : prepared.resultMetadataId.clone();
    }

    @Override
    public List<ColumnSpec> getVariables() {
        return prepared.variables;
    }

    @Override
    public List<Integer> getPartitionKeyIndexes() {
        return Arrays.stream(prepared.partitionKey).boxed().toList();
    }

    @Override
    public List<ColumnSpec> getResultColumns() {
        return prepared.resultColumns;
    }

    @Override
    public boolean isLwt() {
        return prepared.lwt;
    }

    @Override
    public PreparedStatement withOptions(StatementOptions options) {
        return new DefaultPreparedStatement(prepared, options);
    }
}
