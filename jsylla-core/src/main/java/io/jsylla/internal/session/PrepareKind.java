package io.jsylla.internal.session;

import io.jsylla.ColumnSpec;
import io.jsylla.PreparedStatement;
import io.jsylla.ProtocolException;
import io.jsylla.StatementOptions;
import io.jsylla.internal.pool.NodePool;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.Prepare;
import io.jsylla.internal.protocol.PreparedResult;
import io.jsylla.internal.protocol.Result;
import io.jsylla.internal.request.RequestExecution;
import io.jsylla.internal.request.RequestKind;
import io.jsylla.internal.result.Results;
import java.util.List;

/**
 * PREPARE: the answer becomes a {@link PreparedStatement} once every other node learned the
 * statement too. A request's context is the options the statement's bindings default to; it
 * prepares in the request's keyspace.
 */
final class PrepareKind implements RequestKind<PreparedStatement> {
    private final StatementRunner.SessionCore core;

    PrepareKind(StatementRunner.SessionCore core) {
        this.core = core;
    }

    @Override
    public RequestExecution.Services services() {
        return core.services();
    }

    @Override
    public void finish(RequestExecution<PreparedStatement> r, Result result, Frame frame, NodePool node) {
        if (!(result instanceof PreparedResult p)) {
            throw new ProtocolException(node.address(), "PREPARE answered with " + result.getClass().getSimpleName());
        }
        String cql = ((Prepare) r.message()).cql();
        List<ColumnSpec> resultColumns = Results.columns(p.resultMetadata().columns());
        Prepared prepared = new Prepared(cql, r.keyspace(), p.id(), p.resultMetadataId(), Results.columns(p.variables().columns()),
                p.variables().partitionKeyIndexes(), resultColumns, node.extensions().isLwt(p.variables().flags()));
        PreparedStatement ps = new DefaultPreparedStatement(prepared, (StatementOptions) r.context());
        // Every node learns the statement now, so no execution pays an UNPREPARED round trip later.
        core.prepareOnOtherNodes(cql, node).whenComplete((x, e) -> r.complete(ps));
    }
}
