package io.jsylla;

import io.jsylla.internal.codec.BoundValues;
import java.nio.ByteBuffer;
import java.util.List;

/** A {@link PreparedStatement} with its values, already converted to the variables' types. */
public final class BoundStatement extends Statement<BoundStatement> {
    private final PreparedStatement prepared;
    private final BoundValues values;

    BoundStatement(PreparedStatement prepared, BoundValues values, StatementOptions options) {
        super(options);
        this.prepared = prepared;
        this.values = values;
    }

    public PreparedStatement preparedStatement() {
        return prepared;
    }

    /**
     * The serialized values, one per variable: null for a null value, and a shared marker
     * buffer for an {@link Unset#VALUE}. Read-only.
     */
    public List<ByteBuffer> serializedValues() {
        return values.values();
    }

    /** The values in wire form, for the driver. */
    BoundValues boundValues() {
        return values;
    }

    @Override
    public BoundStatement withOptions(StatementOptions options) {
        return new BoundStatement(prepared, values, options);
    }

    @Override
    public String toString() {
        return "BoundStatement[" + prepared.getCql() + ", " + values.size() + " values]";
    }
}
