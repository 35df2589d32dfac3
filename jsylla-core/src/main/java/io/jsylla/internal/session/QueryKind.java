package io.jsylla.internal.session;

import io.jsylla.QueryResult;
import io.jsylla.internal.pool.NodePool;
import io.jsylla.internal.connection.Connection;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.Result;
import io.jsylla.internal.request.RequestExecution;
import io.jsylla.internal.request.RequestKind;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * QUERY (text without values) and BATCH: the answer becomes a query result. A batch's context
 * is the list of its prepared children, re-prepared when a node forgot one; a query has none.
 */
final class QueryKind implements RequestKind<QueryResult> {
    private final StatementRunner.SessionCore core;

    QueryKind(StatementRunner.SessionCore core) {
        this.core = core;
    }

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
        if (!(r.context() instanceof List<?> children)) return null;
        return CompletableFuture.allOf(children.stream().map(p -> StatementRunner.reprepare(connection, (Prepared) p, deadline))
                .toArray(CompletableFuture[]::new));
    }
}
