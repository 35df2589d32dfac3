package io.jsylla.internal.session;

import io.jsylla.ColumnSpec;
import io.jsylla.QueryResult;
import io.jsylla.internal.pool.NodePool;
import io.jsylla.internal.connection.Connection;
import io.jsylla.internal.protocol.Execute;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.KnownSpecs;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.Response;
import io.jsylla.internal.protocol.Responses;
import io.jsylla.internal.protocol.Result;
import io.jsylla.internal.protocol.RowsResult;
import io.jsylla.internal.request.RequestExecution;
import io.jsylla.internal.request.RequestKind;
import io.jsylla.internal.result.Results;
import io.jsylla.internal.routing.PartitionKeys;
import io.jsylla.internal.routing.Partitioner;
import io.jsylla.internal.routing.Token;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * EXECUTE of a prepared statement, the hot path. A request's message is its {@link Execute};
 * its context the {@link Prepared.Shape} it was sent with, which names the statement: the
 * columns an answer without metadata has, and on v4 the column specs recognised in place (or,
 * rarely, {@link Keyed}: that shape and a routing key the statement's options gave).
 */
final class ExecuteKind implements RequestKind<QueryResult> {
    private final StatementRunner.SessionCore core;

    ExecuteKind(StatementRunner.SessionCore core) {
        this.core = core;
    }

    /** The context of a request whose options gave its routing key: the bound one is not used. */
    record Keyed(Prepared.Shape shape, ByteBuffer routingKey) {}

    private static Prepared.Shape shape(RequestExecution<?> r) {
        Object c = r.context();
        return c instanceof Keyed k ? k.shape() : (Prepared.Shape) c;
    }

    @Override
    public RequestExecution.Services services() {
        return core.services();
    }

    @Override
    public Response decode(RequestExecution<QueryResult> r, Frame frame) {
        return Responses.decodeKnowing(frame, shape(r).v4Specs());
    }

    @Override
    public void finish(RequestExecution<QueryResult> r, Result result, Frame frame, NodePool node) {
        Prepared.Shape shape = shape(r);
        if (result instanceof RowsResult rows && rows.metadata().metadataChanged()) {
            shape.statement().shape(rows.metadata().newMetadataId(), Results.columns(rows.metadata().columns()), null);
        } else if (result instanceof RowsResult rows && !rows.metadata().noMetadata() && frame.version() == ProtocolVersion.V4) {
            // v4 sent the columns (it always does): keep their wire form to recognise them next time,
            // and take them as the statement's columns if the table changed.
            List<ColumnSpec> columns = Results.columns(rows.metadata().columns());
            KnownSpecs specs = KnownSpecs.of(frame);
            if (specs != null) {
                shape.statement().shape(shape.metadataId(), columns.equals(shape.columns()) ? shape.columns() : columns, specs);
            }
        }
        core.finish(result, frame, node, shape.columns(), r);
    }

    /** Marked so by the node at PREPARE, or run at a serial consistency. */
    @Override
    public boolean isLwt(RequestExecution<QueryResult> r) {
        return shape(r).statement().lwt || ((Execute) r.message()).consistency().isSerial();
    }

    @Override
    public CompletableFuture<Void> reprepare(RequestExecution<QueryResult> r, Connection connection, long deadline) {
        return StatementRunner.reprepare(connection, shape(r).statement(), deadline);
    }

    @Override
    public ByteBuffer routingKey(RequestExecution<QueryResult> r) {
        if (r.context() instanceof Keyed k) return k.routingKey();
        Execute e = (Execute) r.message();
        return PartitionKeys.of(e.values(), e.shared().valueCount(), shape(r).statement().partitionKey);
    }

    @Override
    public Token token(RequestExecution<QueryResult> r, Partitioner partitioner) {
        if (r.context() instanceof Keyed k) return partitioner.hash(k.routingKey());
        Execute e = (Execute) r.message();
        return PartitionKeys.token(e.values(), e.shared().valueCount(), shape(r).statement().partitionKey, partitioner);
    }
}
