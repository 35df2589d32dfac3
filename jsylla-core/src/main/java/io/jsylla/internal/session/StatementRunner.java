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
import io.jsylla.internal.protocol.Execute;
import io.jsylla.internal.protocol.Prepare;
import io.jsylla.internal.protocol.PreparedResult;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.QueryParameters;
import io.jsylla.internal.protocol.Response;
import io.jsylla.internal.protocol.Responses;
import io.jsylla.internal.protocol.RowsResult;
import io.jsylla.internal.protocol.Values;
import io.jsylla.internal.request.MessageFactory;
import io.jsylla.internal.request.PreparedCache;
import io.jsylla.policies.RequestInfo;
import io.jsylla.internal.request.RequestExecution;
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
 * Each becomes one {@link RequestExecution}; its outcome goes through {@link SessionCore#finish}.
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
        RequestInfo info = new RequestInfo(query, routingKeyspace(options, null), options.routingKey(), ro.idempotent());
        long ts = ro.timestamp();
        return core.run(c -> new io.jsylla.internal.protocol.Query(query.getCql(), parameters(ro, c, ts, Values.NONE, false, state)),
                ro, info, null, (o, target) -> core.finish(o, null, target));
    }

    CompletableFuture<QueryResult> bound(BoundStatement b, StatementOptions options, PagingState state) {
        if (state.isEnd()) return CompletableFuture.completedFuture(core.emptyResult());
        PreparedStatement ps = b.preparedStatement();
        ResolvedOptions ro = ResolvedOptions.of(options, core.config());
        PreparedCache.ResultShape shape = shapeOf(ps);
        // v4 has no way to say the result columns changed (ALTER TABLE), so it always asks for them.
        boolean skip = core.protocolVersion().usesSegments() && !shape.columns().isEmpty();
        ByteBuffer key = options.routingKey() != null ? options.routingKey() : RoutingKeys.of(b);
        RequestInfo info = new RequestInfo(b, routingKeyspace(options, RoutingKeys.keyspace(ps)), key, ro.idempotent());
        BoundRequest r = new BoundRequest(ps, ApiAccess.id(ps), shape, ro, ro.timestamp(), ApiAccess.values(b), skip, state);
        return core.run(r, ro, info, r, r);
    }

    /**
     * One bound statement's request: its message (at any consistency a retry asks for), how to
     * re-prepare it, and how to finish its result. One object, where three lambdas would do.
     */
    private final class BoundRequest implements MessageFactory, RequestExecution.Reprepare,
            RequestExecution.Finisher<QueryResult> {
        private final PreparedStatement ps;
        private final byte[] id;
        private final PreparedCache.ResultShape shape;
        private final ResolvedOptions ro;
        private final long timestamp;
        private final Values values;
        private final boolean skipMetadata;
        private final PagingState state;

        BoundRequest(PreparedStatement ps, byte[] id, PreparedCache.ResultShape shape, ResolvedOptions ro, long timestamp,
                     Values values, boolean skipMetadata, PagingState state) {
            this.ps = ps;
            this.id = id;
            this.shape = shape;
            this.ro = ro;
            this.timestamp = timestamp;
            this.values = values;
            this.skipMetadata = skipMetadata;
            this.state = state;
        }

        @Override
        public io.jsylla.internal.protocol.Request message(io.jsylla.Consistency consistency) {
            return new Execute(id, shape.metadataId(), parameters(ro, consistency, timestamp, values, skipMetadata, state));
        }

        @Override
        public CompletableFuture<Void> on(Connection connection, long deadline) {
            return reprepare(connection, ps, deadline);
        }

        @Override
        public void finish(RequestExecution.Outcome o, CompletableFuture<QueryResult> target) {
            if (o.result() instanceof RowsResult rows && rows.metadata().metadataChanged()) {
                PreparedCache.ResultShape changed = new PreparedCache.ResultShape(rows.metadata().newMetadataId(),
                        Results.columns(rows.metadata().columns()));
                core.prepared().shape(id, changed);
                ApiAccess.shape(ps, changed);
            }
            core.finish(o, shape.columns(), target);
        }
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
        RequestInfo info = new RequestInfo(Query.of(cql), ks, null, true);
        return core.<RequestExecution.Outcome>run(c -> new Prepare(cql, null), ro, info, null, (o, target) -> target.complete(o))
                .thenApply(o -> {
            if (!(o.result() instanceof PreparedResult p)) {
                throw new ProtocolException(o.node().address(), "PREPARE answered with " + o.result().getClass().getSimpleName());
            }
            List<Integer> pk = new ArrayList<>();
            for (int i : p.variables().partitionKeyIndexes()) pk.add(i);
            List<ColumnSpec> resultColumns = Results.columns(p.resultMetadata().columns());
            core.prepared().shape(p.id(), new PreparedCache.ResultShape(p.resultMetadataId(), resultColumns));
            PreparedStatement ps = new PreparedStatement(cql, ks, p.id(), p.resultMetadataId(),
                    Results.columns(p.variables().columns()), pk, resultColumns, defaults);
            return new Object[] {ps, o.node()};
        }).thenCompose(pair -> {
            // Every node learns the statement now, so no execution pays an UNPREPARED round trip later.
            PreparedStatement ps = (PreparedStatement) pair[0];
            return core.prepareOnOtherNodes(cql, (io.jsylla.internal.cluster.Node) pair[1]).thenApply(x -> ps);
        });
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
            return core.run(c -> new io.jsylla.internal.protocol.Batch(batch.getType(), statements, c,
                            ro.serialConsistency(), ts, null, QueryParameters.NO_NOW_IN_SECONDS), ro, info,
                            (connection, deadline) -> reprepareAll(connection, prepared, deadline), (o, target) -> core.finish(o, null, target));
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

    private CompletableFuture<Void> reprepare(Connection connection, PreparedStatement ps, long deadline) {
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

    private CompletableFuture<Void> reprepareAll(Connection connection, List<PreparedStatement> statements, long deadline) {
        return CompletableFuture.allOf(statements.stream().map(ps -> reprepare(connection, ps, deadline))
                .toArray(CompletableFuture[]::new));
    }

    /** A batch routes by its own routing options, else by its first bound statement's key. */
    private RequestInfo batchRouting(Batch batch, ResolvedOptions ro) {
        StatementOptions o = batch.options();
        if (o.routingKey() != null) return new RequestInfo(batch, routingKeyspace(o, null), o.routingKey(), ro.idempotent());
        for (Statement<?> s : batch.getStatements()) {
            if (s instanceof BoundStatement b) {
                ByteBuffer key = RoutingKeys.of(b);
                if (key != null) {
                    return new RequestInfo(batch, routingKeyspace(o, RoutingKeys.keyspace(b.preparedStatement())), key, ro.idempotent());
                }
            }
        }
        return new RequestInfo(batch, routingKeyspace(o, null), null, ro.idempotent());
    }

    private String routingKeyspace(StatementOptions o, String fromStatement) {
        if (o.routingKeyspace() != null) return o.routingKeyspace();
        if (fromStatement != null) return fromStatement;
        return core.keyspace().orElse(null);
    }

    private QueryParameters parameters(ResolvedOptions ro, io.jsylla.Consistency consistency, long timestamp, Values values,
                                       boolean skipMetadata, PagingState state) {
        byte[] raw = state.isStart() ? null : state.rawState();
        return new QueryParameters(consistency, values, skipMetadata, ro.pageSize(),
                raw == null ? null : ByteBuffer.wrap(raw), ro.serialConsistency(), timestamp, null,
                QueryParameters.NO_NOW_IN_SECONDS);
    }

    /** The core the runner sends through: implemented by the session. */
    interface SessionCore {
        SessionConfig config();

        ProtocolVersion protocolVersion();

        PreparedCache prepared();

        java.util.Optional<String> keyspace();

        <T> CompletableFuture<T> run(MessageFactory messages, ResolvedOptions options, RequestInfo info,
                                     RequestExecution.Reprepare reprepare, RequestExecution.Finisher<T> finisher);

        void finish(RequestExecution.Outcome outcome, List<ColumnSpec> knownColumns, CompletableFuture<QueryResult> target);

        QueryResult emptyResult();

        /** Prepares on one connection of every other up node; failures are ignored (a later UNPREPARED re-prepares). */
        CompletableFuture<Void> prepareOnOtherNodes(String cql, io.jsylla.internal.cluster.Node except);
    }
}
