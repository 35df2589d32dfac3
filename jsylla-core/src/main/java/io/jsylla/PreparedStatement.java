package io.jsylla;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A statement the nodes have parsed once, bound to values many times. Obtained from
 * {@link Session#prepare(String)}; its options are the defaults of the statements it binds.
 * Binding converts values to the variables' CQL types and fails before anything is sent when
 * a value is missing, extra, or does not convert.
 *
 * <p>Immutable. Only the session that prepared it makes instances: it runs only statements
 * it made, and refuses others naming the statement.
 */
public abstract class PreparedStatement extends Statement<PreparedStatement> {

    /** Instances come from {@link Session#prepare}; a session runs only those it made. */
    protected PreparedStatement(StatementOptions options) {
        super(options);
    }

    /** Binds values to the variables in order. */
    public abstract BoundStatement bind(Object... values);

    /** Binds values by variable name ({@code :name}, or the column name for {@code ?}). */
    public abstract BoundStatement bind(Map<String, ?> values);

    public abstract String getCql();

    /** The keyspace the statement was prepared in (the session's at the time), or null. */
    public abstract String getKeyspace();

    /** The id the nodes know the statement by (a copy). */
    public abstract byte[] getId();

    /** The result metadata id (protocol v5), or null (a copy). */
    public abstract byte[] getResultMetadataId();

    /** The bind variables, in order. */
    public abstract List<ColumnSpec> getVariables();

    /** Which variables make up the partition key, in key order (empty when unknown). */
    public abstract List<Integer> getPartitionKeyIndexes();

    /** The columns a read returns (empty for writes), as of preparation. */
    public abstract List<ColumnSpec> getResultColumns();

    /**
     * Whether the node said the statement is a lightweight transaction (a conditional statement,
     * {@code IF ...}): ScyllaDB marks them at PREPARE, and the driver then sends each to its
     * partition's replicas in ring order, primary first, so that coordinators do not contend.
     * Always false on Cassandra, which does not say.
     */
    public abstract boolean isLwt();

    @Override
    public boolean equals(Object o) {
        return o instanceof PreparedStatement p && Arrays.equals(getId(), p.getId()) && getCql().equals(p.getCql())
                && Objects.equals(getKeyspace(), p.getKeyspace()) && options().equals(p.options());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(getId()) * 31 + getCql().hashCode();
    }

    @Override
    public String toString() {
        return "PreparedStatement[" + getCql() + ", variables " + getVariables() + "]";
    }
}
