package io.jsylla.internal.session;

import io.jsylla.BoundStatement;
import io.jsylla.PreparedStatement;
import io.jsylla.StatementOptions;
import io.jsylla.internal.codec.BoundValues;
import java.nio.ByteBuffer;
import java.util.List;

/** The session's bound statement: its values kept in the wire form binding gave them. */
final class DefaultBoundStatement extends BoundStatement {
    final DefaultPreparedStatement statement;
    /** The values as [value]s back to back, one per variable. */
    final byte[] values;

    DefaultBoundStatement(DefaultPreparedStatement statement, byte[] values, StatementOptions options) {
        super(options);
        this.statement = statement;
        this.values = values;
    }

    static DefaultBoundStatement of(BoundStatement b) {
        if (b instanceof DefaultBoundStatement d) return d;
        throw new IllegalArgumentException("not a statement this driver bound: " + (b == null ? null : b.getClass().getName())
                + "; use PreparedStatement.bind");
    }

    int count() {
        return statement.prepared.variables.size();
    }

    @Override
    public PreparedStatement preparedStatement() {
        return statement;
    }

    @Override
    public List<ByteBuffer> serializedValues() {
        return BoundValues.ofWire(values, count()).values();
    }

    @Override
    public BoundStatement withOptions(StatementOptions options) {
        return new DefaultBoundStatement(statement, values, options);
    }
}
