package io.jsylla.internal.session;

import io.jsylla.QueryResult;
import io.jsylla.internal.pool.NodePool;
import io.jsylla.internal.connection.Connection;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.Result;
import io.jsylla.internal.request.RequestExecution;
import io.jsylla.internal.request.RequestKind;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * QUERY (text without values) and BATCH: the answer becomes a query result. A query's context is
 * the routing key its options gave, or null; a batch's is {@link Batched}: its prepared
 * children, re-prepared when a node forgot one, and its routing key.
 */
final class QueryKind implements RequestKind<QueryResult> {
    private final StatementRunner.SessionCore core;

    QueryKind(StatementRunner.SessionCore core) {
        this.core = core;
    }

    /** A batch's context. */
    record Batched(List<Prepared> children, ByteBuffer routingKey) {}

    @Override
    public RequestExecution.Services services() {
        return core.services();
    }

    @Override
    public void finish(RequestExecution<QueryResult> r, Result result, Frame frame, NodePool node) {
        core.finish(result, frame, node, null, r);
    }

    @Override
    public CompletableFuture<Void> reprepare(RequestExecution<QueryResult> r, Connection connection, long deadline) {
        if (!(r.context() instanceof Batched b) || b.children().isEmpty()) return null;
        return CompletableFuture.allOf(b.children().stream().map(p -> StatementRunner.reprepare(connection, p, deadline))
                .toArray(CompletableFuture[]::new));
    }

    /** A query run at a serial consistency (a batch is routed as it always is). */
    @Override
    public boolean isLwt(RequestExecution<QueryResult> r) {
        return r.message() instanceof io.jsylla.internal.protocol.Query q && q.parameters().consistency().isSerial();
    }

    @Override
    public ByteBuffer routingKey(RequestExecution<QueryResult> r) {
        Object c = r.context();
        return c instanceof Batched b ? b.routingKey() : (ByteBuffer) c;
    }
}
