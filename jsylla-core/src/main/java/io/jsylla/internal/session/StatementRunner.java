package io.jsylla.internal.session;

import io.jsylla.Batch;
import io.jsylla.BoundStatement;
import io.jsylla.ColumnSpec;
import io.jsylla.PagingState;
import io.jsylla.PreparedStatement;
import io.jsylla.ProtocolException;
import io.jsylla.Query;
import io.jsylla.QueryResult;
import io.jsylla.Statement;
import io.jsylla.StatementOptions;
import io.jsylla.internal.connection.Connection;
import io.jsylla.internal.connection.ServerErrors;
import io.jsylla.internal.protocol.BatchStatement;
import io.jsylla.internal.protocol.ErrorResponse;
import io.jsylla.internal.protocol.Prepare;
import io.jsylla.internal.protocol.PreparedResult;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.QueryParameters;
import io.jsylla.internal.protocol.Response;
import io.jsylla.internal.protocol.Responses;
import io.jsylla.internal.protocol.Values;
import io.jsylla.internal.codec.BoundValues;
import io.jsylla.internal.request.PreparedCache;
import io.jsylla.policies.RequestInfo;
import io.jsylla.internal.request.RequestExecution;
import io.jsylla.internal.request.SimpleExecution;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.Result;
import io.jsylla.internal.result.Results;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Statements to protocol messages: QUERY for text without values, EXECUTE for bound statements
 * (preparing transparently, through the cache, when text comes with values), BATCH, PREPARE.
 * Each becomes one {@link RequestExecution} (bound statements a {@link BoundExecution}); its answer
 * goes through {@link SessionCore#finish}.
 */
final class StatementRunner {
    private final SessionCore core;

    StatementRunner(SessionCore core) {
        this.core = core;
    }

    CompletableFuture<QueryResult> query(Query query, PagingState state) {
        if (state.isEnd()) return CompletableFuture.completedFuture(core.emptyResult());
        StatementOptions options = query.options();
        ResolvedOptions ro = ResolvedOptions.of(options, core.config());
        long ts = ro.timestamp();
        return core.run(new SimpleExecution<QueryResult>(query, routingKeyspace(options, null), options.routingKey(), ro,
                core.services(), c -> new io.jsylla.internal.protocol.Query(query.getCql(), parameters(ro, c, ts, state)),
                null, (result, frame, node, target) -> core.finish(result, frame, node, null, target)));
    }

    CompletableFuture<QueryResult> bound(BoundStatement b, StatementOptions options, PagingState state) {
        return execute(b, b.preparedStatement(), ApiAccess.values(b).wire(), options, state);
    }

    /** The applications' hot path: values bound straight from the caller's array, no statement object made. */
    CompletableFuture<QueryResult> execute(PreparedStatement ps, Object[] values, PagingState state) {
        return execute(ps, ps, ApiAccess.bind(ps, values), ps.options(), state);
    }

    private CompletableFuture<QueryResult> execute(Statement<?> statement, PreparedStatement ps, byte[] values,
                                                   StatementOptions options, PagingState state) {
        if (state.isEnd()) return CompletableFuture.completedFuture(core.emptyResult());
        ResolvedOptions ro = ResolvedOptions.of(options, core.config());
        PreparedCache.ResultShape shape = shapeOf(ps);
        // v4 has no way to say the result columns changed (ALTER TABLE), so it always asks for them.
        boolean skip = core.protocolVersion().usesSegments() && !shape.columns().isEmpty();
        return core.run(new BoundExecution(core, statement, ps, values, routingKeyspace(options, RoutingKeys.keyspace(ps)),
                options.routingKey(), ro, shape, skip, state));
    }

    /** Text with values: prepared once (cached by keyspace and text), then bound and executed. */
    CompletableFuture<QueryResult> withValues(Query query, PagingState state, Object[] values) {
        return cachedPrepare(query.getCql()).thenCompose(ps -> bound(ps.bind(values), query.options(), state));
    }

    CompletableFuture<QueryResult> withValues(Query query, PagingState state, Map<String, ?> values) {
        return cachedPrepare(query.getCql()).thenCompose(ps -> bound(ps.bind(values), query.options(), state));
    }

    CompletableFuture<PreparedStatement> cachedPrepare(String cql) {
        String ks = core.keyspace().orElse(null);
        return core.prepared().get(ks, cql, () -> prepare(cql, StatementOptions.DEFAULTS));
    }

    CompletableFuture<PreparedStatement> prepare(String cql, StatementOptions defaults) {
        ResolvedOptions ro = ResolvedOptions.of(defaults, core.config()).idempotent(true);
        String ks = core.keyspace().orElse(null);
        return core.run(new SimpleExecution<PreparedStatement>(Query.of(cql), ks, null, ro, core.services(),
                c -> new Prepare(cql, null), null, (result, frame, node, target) -> {
            if (!(result instanceof PreparedResult p)) {
                throw new ProtocolException(node.address(), "PREPARE answered with " + result.getClass().getSimpleName());
            }
            List<Integer> pk = new ArrayList<>();
            for (int i : p.variables().partitionKeyIndexes()) pk.add(i);
            List<ColumnSpec> resultColumns = Results.columns(p.resultMetadata().columns());
            core.prepared().shape(p.id(), new PreparedCache.ResultShape(p.resultMetadataId(), resultColumns));
            PreparedStatement ps = new PreparedStatement(cql, ks, p.id(), p.resultMetadataId(),
                    Results.columns(p.variables().columns()), pk, resultColumns, defaults);
            // Every node learns the statement now, so no execution pays an UNPREPARED round trip later.
            core.prepareOnOtherNodes(cql, node).whenComplete((x, e) -> target.complete(ps));
        }));
    }

    CompletableFuture<QueryResult> batch(Batch batch, List<?> valueSets) {
        if (!valueSets.isEmpty() && valueSets.size() != batch.size()) {
            throw new IllegalArgumentException("The batch has " + batch.size() + " statements but " + valueSets.size()
                    + " value sets were given: one per statement, in order (an empty list for none)");
        }
        List<CompletableFuture<BatchStatement>> children = new ArrayList<>();
        List<PreparedStatement> prepared = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Object values = valueSets.isEmpty() ? null : valueSets.get(i);
            children.add(child(batch.getStatements().get(i), values, i, prepared));
        }
        ResolvedOptions ro = ResolvedOptions.of(batch.options(), core.config());
        return CompletableFuture.allOf(children.toArray(CompletableFuture[]::new)).thenCompose(x -> {
            List<BatchStatement> statements = children.stream().map(CompletableFuture::join).toList();
            RequestInfo info = batchRouting(batch, ro);
            long ts = ro.timestamp();
            return core.run(new SimpleExecution<QueryResult>(batch, info.keyspace(), info.routingKey(), ro, core.services(),
                    c -> new io.jsylla.internal.protocol.Batch(batch.getType(), statements, c, ro.serialConsistency(), ts,
                            null, QueryParameters.NO_NOW_IN_SECONDS),
                    (connection, deadline) -> reprepareAll(connection, prepared, deadline),
                    (result, frame, node, target) -> core.finish(result, frame, node, null, target)));
        });
    }

    private CompletableFuture<BatchStatement> child(Statement<?> s, Object values, int index, List<PreparedStatement> prepared) {
        if (s instanceof BoundStatement b) {
            if (!isEmpty(values)) throw new IllegalArgumentException("batch statement " + index + " is already bound; give it no values");
            synchronized (prepared) {
                prepared.add(b.preparedStatement());
            }
            return CompletableFuture.completedFuture(new BatchStatement(null, ApiAccess.id(b.preparedStatement()), ApiAccess.values(b)));
        }
        if (s instanceof PreparedStatement ps) {
            synchronized (prepared) {
                prepared.add(ps);
            }
            return CompletableFuture.completedFuture(new BatchStatement(null, ApiAccess.id(ps), bind(ps, values, index)));
        }
        Query q = (Query) s;
        if (isEmpty(values)) return CompletableFuture.completedFuture(new BatchStatement(q.getCql(), null, Values.NONE));
        return cachedPrepare(q.getCql()).thenApply(ps -> {
            synchronized (prepared) {
                prepared.add(ps);
            }
            return new BatchStatement(null, ApiAccess.id(ps), bind(ps, values, index));
        });
    }

    private static Values bind(PreparedStatement ps, Object values, int index) {
        try {
            if (values == null) return ApiAccess.values(ps.bind());
            if (values instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, ?> named = (Map<String, ?>) m;
                return ApiAccess.values(ps.bind(named));
            }
            if (values instanceof List<?> l) return ApiAccess.values(ps.bind(l.toArray()));
            if (values instanceof Object[] a) return ApiAccess.values(ps.bind(a));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("batch statement " + index + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("batch statement " + index + ": a value set is a List or a Map, not "
                + values.getClass().getName());
    }

    private static boolean isEmpty(Object values) {
        return values == null || values instanceof List<?> l && l.isEmpty() || values instanceof Map<?, ?> m && m.isEmpty()
                || values instanceof Object[] a && a.length == 0;
    }

    /** Prepares each child given as text. */
    CompletableFuture<Batch> prepareBatch(Batch batch) {
        List<CompletableFuture<? extends Statement<?>>> children = new ArrayList<>();
        for (Statement<?> s : batch.getStatements()) {
            children.add(s instanceof Query q ? cachedPrepare(q.getCql()).thenApply(ps -> ps.withOptions(q.options()))
                    : CompletableFuture.completedFuture(s));
        }
        return CompletableFuture.allOf(children.toArray(CompletableFuture[]::new))
                .thenApply(x -> batch.withStatements(children.stream().<Statement<?>>map(CompletableFuture::join).toList()));
    }

    /** The statement's latest result shape: its own, else the cache's for its id, else as prepared. */
    private PreparedCache.ResultShape shapeOf(PreparedStatement ps) {
        PreparedCache.ResultShape s = ApiAccess.shape(ps);
        if (s != null) return s;
        s = core.prepared().shape(ApiAccess.id(ps));
        if (s == null) s = new PreparedCache.ResultShape(ps.getResultMetadataId(), ps.getResultColumns());
        ApiAccess.shape(ps, s);
        return s;
    }

    /** Prepares the statement again on one connection, checking the node gives it the same id. */
    static CompletableFuture<Void> reprepare(Connection connection, PreparedStatement ps, long deadline) {
        return connection.send(new Prepare(ps.getCql(), null), deadline).thenApply(frame -> {
            Response r = Responses.decode(frame);
            if (r instanceof ErrorResponse e) throw ServerErrors.toException(e, connection.node());
            if (!(r instanceof PreparedResult p) || !Arrays.equals(p.id(), ps.getId())) {
                throw new ProtocolException(connection.node(), "re-preparing '" + ps.getCql()
                        + "' gave another statement id: the statement's keyspace or table changed");
            }
            return null;
        });
    }

    private static CompletableFuture<Void> reprepareAll(Connection connection, List<PreparedStatement> statements, long deadline) {
        return CompletableFuture.allOf(statements.stream().map(ps -> reprepare(connection, ps, deadline))
                .toArray(CompletableFuture[]::new));
    }

    /** A batch routes by its own routing options, else by its first bound statement's key. */
    private RequestInfo batchRouting(Batch batch, ResolvedOptions ro) {
        StatementOptions o = batch.options();
        if (o.routingKey() != null) return RequestInfo.of(batch, routingKeyspace(o, null), o.routingKey(), ro.idempotent());
        for (Statement<?> s : batch.getStatements()) {
            if (s instanceof BoundStatement b) {
                ByteBuffer key = RoutingKeys.of(b);
                if (key != null) {
                    return RequestInfo.of(batch, routingKeyspace(o, RoutingKeys.keyspace(b.preparedStatement())), key, ro.idempotent());
                }
            }
        }
        return RequestInfo.of(batch, routingKeyspace(o, null), null, ro.idempotent());
    }

    private String routingKeyspace(StatementOptions o, String fromStatement) {
        if (o.routingKeyspace() != null) return o.routingKeyspace();
        if (fromStatement != null) return fromStatement;
        return core.keyspace().orElse(null);
    }

    private static QueryParameters parameters(ResolvedOptions ro, io.jsylla.Consistency consistency, long timestamp,
                                              PagingState state) {
        byte[] raw = state.isStart() ? null : state.rawState();
        return new QueryParameters(consistency, Values.NONE, false, ro.pageSize(),
                raw == null ? null : ByteBuffer.wrap(raw), ro.serialConsistency(), timestamp, null,
                QueryParameters.NO_NOW_IN_SECONDS);
    }

    /** The core the runner sends through: implemented by the session. */
    interface SessionCore {
        SessionConfig config();

        ProtocolVersion protocolVersion();

        PreparedCache prepared();

        java.util.Optional<String> keyspace();

        /** What every request of the session uses. */
        RequestExecution.Services services();

        /** Starts the request, unless the session is closed; returns it. */
        <T> CompletableFuture<T> run(RequestExecution<T> execution);

        /** Completes {@code target} with the query result an answer makes, after what the answer calls for (USE, schema changes). */
        void finish(Result result, Frame frame, io.jsylla.internal.pool.NodePool node, List<ColumnSpec> knownColumns,
                    CompletableFuture<QueryResult> target);

        QueryResult emptyResult();

        /** Prepares on one connection of every other up node; failures are ignored (a later UNPREPARED re-prepares). */
        CompletableFuture<Void> prepareOnOtherNodes(String cql, io.jsylla.internal.pool.NodePool except);
    }
}
