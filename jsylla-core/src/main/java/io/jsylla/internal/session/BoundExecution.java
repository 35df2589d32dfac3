package io.jsylla.internal.session;

import io.jsylla.ColumnSpec;
import io.jsylla.Statement;
import io.jsylla.PagingState;
import io.jsylla.PreparedStatement;
import io.jsylla.QueryResult;
import io.jsylla.internal.pool.NodePool;
import io.jsylla.internal.connection.Connection;
import io.jsylla.internal.protocol.Execute;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.KnownSpecs;
import io.jsylla.internal.protocol.Opcode;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.QueryParameters;
import io.jsylla.internal.protocol.Request;
import io.jsylla.internal.protocol.Response;
import io.jsylla.internal.protocol.Responses;
import io.jsylla.internal.protocol.Result;
import io.jsylla.internal.protocol.RowsResult;
import io.jsylla.internal.protocol.Values;
import io.jsylla.internal.codec.BoundValues;
import io.jsylla.internal.request.PreparedCache;
import io.jsylla.internal.request.RequestExecution;
import io.jsylla.internal.result.Results;
import io.jsylla.internal.routing.Partitioner;
import io.jsylla.internal.routing.Token;
import io.jsylla.internal.routing.TokenSource;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One bound statement's execution, the hot path: it is also its own EXECUTE message, written
 * at whatever consistency the execution has reached when a connection encodes it, so running
 * a bound statement makes no message, parameters, values holder or callback objects.
 */
final class BoundExecution extends RequestExecution<QueryResult> implements Request, TokenSource, Values {
    private final StatementRunner.SessionCore core;
    private final PreparedStatement ps;
    /** The bound values' wire form ({@link BoundValues#wire}), which this writes as the message's values. */
    private final byte[] values;
    private final PreparedCache.ResultShape shape;
    private final PagingState state;
    private final boolean skipMetadata;
    private final long timestamp;
    private ByteBuffer routingKey; // made only when a policy asks for it: token-aware routing hashes in place

    /**
     * @param statement  what the policies see: the bound statement, or the prepared one when values came without one
     * @param routingKey the statement's own routing key option, or null to route by its bound partition key
     */
    BoundExecution(StatementRunner.SessionCore core, Statement<?> statement, PreparedStatement ps, byte[] values,
                   String keyspace, ByteBuffer routingKey, ResolvedOptions options, PreparedCache.ResultShape shape,
                   boolean skipMetadata, PagingState state) {
        super(statement, keyspace, options);
        this.core = core;
        this.ps = ps;
        this.values = values;
        this.routingKey = routingKey;
        this.shape = shape;
        this.skipMetadata = skipMetadata;
        this.state = state;
        this.timestamp = options.timestamp(startNanos()); // once per request: retries keep it
    }

    @Override
    protected Services services() {
        return core.services();
    }

    private ResolvedOptions options() {
        return (ResolvedOptions) settings();
    }

    // ---- routing

    @Override
    public ByteBuffer routingKey() {
        ByteBuffer k = routingKey;
        if (k == null) routingKey = k = RoutingKeys.of(ps, BoundValues.ofWire(values, size())); // racy but idempotent
        return k;
    }

    @Override
    public Token token(Partitioner partitioner) {
        ByteBuffer k = routingKey;
        return k != null ? partitioner.hash(k) : RoutingKeys.token(ps, values, partitioner);
    }

    // ---- the EXECUTE message

    @Override
    protected Request message() {
        return this;
    }

    @Override
    public int opcode() {
        return Opcode.EXECUTE;
    }

    @Override
    public boolean isTraceable() {
        return true;
    }

    @Override
    public void encode(ByteBuf out, ProtocolVersion version) {
        ResolvedOptions o = options();
        byte[] paging = state.isStart() ? null : state.rawState();
        Execute.writeIds(out, version, ApiAccess.id(ps), shape.metadataId());
        QueryParameters.write(out, version, consistency(), this, skipMetadata, o.pageSize(),
                paging == null ? null : ByteBuffer.wrap(paging), o.serialConsistency(), timestamp, null,
                QueryParameters.NO_NOW_IN_SECONDS);
    }

    // ---- the values, positional, already in wire form

    @Override
    public int size() {
        return ps.getVariables().size();
    }

    @Override
    public void write(int i, ByteBuf out) {
        BoundValues.write(values, size(), i, out);
    }

    @Override
    public void writeAll(ByteBuf out) {
        out.writeBytes(values);
    }

    // ---- the answer

    @Override
    protected CompletableFuture<Void> reprepare(Connection connection, long deadline) {
        return StatementRunner.reprepare(connection, ps, deadline);
    }

    @Override
    protected Response decode(Frame frame) {
        return Responses.decodeKnowing(frame, shape.v4Specs()); // the columns are the shape's
    }

    @Override
    protected void finish(Result result, Frame frame, NodePool node) {
        if (result instanceof RowsResult rows && rows.metadata().metadataChanged()) {
            remember(new PreparedCache.ResultShape(rows.metadata().newMetadataId(), Results.columns(rows.metadata().columns())));
        } else if (result instanceof RowsResult rows && !rows.metadata().noMetadata() && frame.version() == ProtocolVersion.V4) {
            // v4 sent the columns (it always does): keep their wire form to recognise them next time,
            // and take them as the statement's columns if the table changed.
            List<ColumnSpec> columns = Results.columns(rows.metadata().columns());
            KnownSpecs specs = KnownSpecs.of(frame);
            if (specs != null) remember(new PreparedCache.ResultShape(shape.metadataId(), columns.equals(shape.columns()) ? shape.columns() : columns, specs));
        }
        core.finish(result, frame, node, shape.columns(), this);
    }

    private void remember(PreparedCache.ResultShape changed) {
        core.prepared().shape(ApiAccess.id(ps), changed);
        ApiAccess.shape(ps, changed);
    }
}
