package io.jsylla;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A {@link PreparedStatement} with its values, already converted to the variables' types.
 * Immutable; made by {@link PreparedStatement#bind}.
 */
public abstract class BoundStatement extends Statement<BoundStatement> {

    /** Instances come from {@link PreparedStatement#bind}. */
    protected BoundStatement(StatementOptions options) {
        super(options);
    }

    public abstract PreparedStatement preparedStatement();

    /**
     * The serialized values, one per variable: null for a null value, and a shared marker
     * buffer for an {@link Unset#VALUE}. Read-only.
     */
    public abstract List<ByteBuffer> serializedValues();

    @Override
    public String toString() {
        return "BoundStatement[" + preparedStatement().getCql() + ", " + serializedValues().size() + " values]";
    }
}
