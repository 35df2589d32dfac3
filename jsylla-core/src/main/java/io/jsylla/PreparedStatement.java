package io.jsylla;

import io.jsylla.internal.codec.BoundValues;
import io.jsylla.internal.session.ApiAccess;
import io.jsylla.internal.codec.Variables;
import io.jsylla.internal.session.Binder;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A statement the nodes have parsed once, bound to values many times. Obtained from
 * {@link Session#prepare(String)}; its options are the defaults of the statements it binds.
 * Binding converts values to the variables' CQL types and fails before anything is sent when
 * a value is missing, extra, or does not convert.
 */
public final class PreparedStatement extends Statement<PreparedStatement> {
    static {
        // The driver reads ids and wire values without copies through this door; it is in a package
        // the module does not export, so applications cannot use it.
        ApiAccess.register(new ApiAccess.Accessor() {
            @Override
            public byte[] preparedId(PreparedStatement ps) {
                return ps.id;
            }

            @Override
            public BoundValues boundValues(BoundStatement b) {
                return b.boundValues();
            }

            @Override
            public byte[] bind(PreparedStatement ps, Object[] values) {
                return Binder.positionalWire(ps.cql, ps.bindings, values);
            }

            @Override
            public Object resultShape(PreparedStatement ps) {
                return ps.resultShape;
            }

            @Override
            public void resultShape(PreparedStatement ps, Object shape) {
                ps.resultShape = shape;
            }

            @Override
            public Object resolved(StatementOptions options) {
                return options.resolved;
            }

            @Override
            public void resolved(StatementOptions options, Object resolved) {
                options.resolved = resolved;
            }
        });
    }

    private final String cql;
    private final String keyspace;
    private final byte[] id;
    private final byte[] resultMetadataId;
    private final List<ColumnSpec> variables;
    private final Variables bindings; // the variables' codecs, resolved once
    private final List<Integer> partitionKeyIndexes;
    private final List<ColumnSpec> resultColumns;
    /** The driver's latest view of the result columns (they change when the table does); opaque here. */
    private volatile Object resultShape;

    /**
     * For the driver (the session builds these from the node's answer to PREPARE); applications
     * get one from {@link Session#prepare}.
     */
    public PreparedStatement(String cql, String keyspace, byte[] id, byte[] resultMetadataId, List<ColumnSpec> variables,
                             List<Integer> partitionKeyIndexes, List<ColumnSpec> resultColumns, StatementOptions options) {
        super(options);
        this.cql = Objects.requireNonNull(cql, "cql");
        this.keyspace = keyspace;
        this.id = id.clone();
        this.resultMetadataId = resultMetadataId == null ? null : resultMetadataId.clone();
        this.variables = List.copyOf(variables);
        this.bindings = Variables.of(this.variables);
        this.partitionKeyIndexes = List.copyOf(partitionKeyIndexes);
        this.resultColumns = List.copyOf(resultColumns);
    }

    /** Binds values to the variables in order. */
    public BoundStatement bind(Object... values) {
        return new BoundStatement(this, Binder.positional(cql, bindings, values), options());
    }

    /** Binds values by variable name ({@code :name}, or the column name for {@code ?}). */
    public BoundStatement bind(Map<String, ?> values) {
        return new BoundStatement(this, Binder.named(cql, bindings, values), options());
    }

    public String getCql() {
        return cql;
    }

    /** The keyspace the statement was prepared in (the session's at the time), or null. */
    public String getKeyspace() {
        return keyspace;
    }

    /** The id the nodes know the statement by. */
    public byte[] getId() {
        return id.clone();
    }

    /** The result metadata id (protocol v5), or null. */
    public byte[] getResultMetadataId() {
        return resultMetadataId == null ? null : resultMetadataId.clone();
    }

    /** The bind variables, in order. */
    public List<ColumnSpec> getVariables() {
        return variables;
    }

    /** Which variables make up the partition key, in key order (empty when unknown). */
    public List<Integer> getPartitionKeyIndexes() {
        return partitionKeyIndexes;
    }

    /** The columns a read returns (empty for writes), as of preparation. */
    public List<ColumnSpec> getResultColumns() {
        return resultColumns;
    }

    @Override
    public PreparedStatement withOptions(StatementOptions options) {
        return new PreparedStatement(cql, keyspace, id, resultMetadataId, variables, partitionKeyIndexes, resultColumns, options);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreparedStatement p && Arrays.equals(id, p.id) && cql.equals(p.cql)
                && Objects.equals(keyspace, p.keyspace) && options().equals(p.options());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(id) * 31 + cql.hashCode();
    }

    @Override
    public String toString() {
        return "PreparedStatement[" + cql + ", variables " + variables + "]";
    }
}
