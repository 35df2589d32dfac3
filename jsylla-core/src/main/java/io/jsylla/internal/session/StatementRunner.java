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
import io.jsylla.internal.codec.BoundValues;
import io.jsylla.internal.connection.Connection;
import io.jsylla.internal.connection.ServerErrors;
import io.jsylla.internal.protocol.BatchStatement;
import io.jsylla.internal.protocol.ErrorResponse;
import io.jsylla.internal.protocol.Execute;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.Prepare;
import io.jsylla.internal.protocol.PreparedResult;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.QueryParameters;
import io.jsylla.internal.protocol.Response;
import io.jsylla.internal.protocol.Responses;
import io.jsylla.internal.protocol.Result;
import io.jsylla.internal.protocol.Values;
import io.jsylla.internal.request.RequestExecution;
import io.jsylla.internal.routing.PartitionKeys;
import io.jsylla.policies.RequestInfo;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Statements to requests: each API call becomes one immutable protocol message (QUERY for text
 * without values, EXECUTE for bound statements, preparing transparently through the cache when
 * text comes with values, BATCH, PREPARE) and one {@link RequestExecution} of the kind that reads
 * its answer ({@link ExecuteKind}, {@link QueryKind}, {@link PrepareKind}).
 */
final class StatementRunner {
    private final SessionCore core;
    private final ExecuteKind executes;
    private final QueryKind queries;
    private final PrepareKind prepares;
    /** Options resolved against the session, by value: most statements share a few options objects. */
    private final Map<StatementOptions, ResolvedOptions> resolved = new ConcurrentHashMap<>();

    StatementRunner(SessionCore core) {
        this.core = core;
        this.executes = new ExecuteKind(core);
        this.queries = new QueryKind(core);
        this.prepares = new PrepareKind(core);
    }

    CompletableFuture<QueryResult> query(Query query, PagingState state) {
        if (state.isEnd()) return CompletableFuture.completedFuture(core.emptyResult());
        StatementOptions options = query.options();
        ResolvedOptions ro = resolve(options, null);
        long start = System.nanoTime();
        byte[] raw = state.isStart() ? null : state.rawState();
        QueryParameters parameters = new QueryParameters(ro.consistency(), Values.NONE, false, ro.pageSize(),
                raw == null ? null : ByteBuffer.wrap(raw), ro.serialConsistency(), ro.timestamp(start), null,
                QueryParameters.NO_NOW_IN_SECONDS);
        return core.run(new RequestExecution<>(queries, new io.jsylla.internal.protocol.Query(query.getCql(), parameters),
                options.routingKey(), query, routingKeyspace(options, null), ro, start));
    }

    CompletableFuture<QueryResult> bound(BoundStatement b, StatementOptions options, PagingState state) {
        DefaultBoundStatement d = DefaultBoundStatement.of(b);
        return execute(b, d.statement, d.values, options, state);
    }

    /** The applications' hot path: values bound straight from the caller's array, no statement object made. */
    CompletableFuture<QueryResult> execute(PreparedStatement ps, Object[] values, PagingState state) {
        DefaultPreparedStatement d = DefaultPreparedStatement.of(ps);
        return execute(ps, d, d.bindWire(values), ps.options(), state);
    }

    private CompletableFuture<QueryResult> execute(Statement<?> statement, DefaultPreparedStatement ps, byte[] values,
                                                   StatementOptions options, PagingState state) {
        if (state.isEnd()) return CompletableFuture.completedFuture(core.emptyResult());
        ResolvedOptions ro = resolve(options, ps);
        Prepared p = ps.prepared;
        Prepared.Shape shape = p.shape();
        // v4 has no way to say the result columns changed (ALTER TABLE), so it always asks for them.
        boolean skip = core.protocolVersion().usesSegments() && !shape.columns().isEmpty();
        long start = System.nanoTime();
        byte[] paging = state.isStart() ? null : state.rawState();
        Execute message = new Execute(ps.shared(ro, shape, skip), values, paging == null ? null : ByteBuffer.wrap(paging),
                ro.timestamp(start));
        ByteBuffer key = options.routingKey();
        return core.run(new RequestExecution<>(executes, message, key == null ? shape : new ExecuteKind.Keyed(shape, key),
                statement, routingKeyspace(options, p.routingKeyspace), ro, start));
    }

    /**
     * The options resolved against the session: the statement's own, else its execution
     * profile's, else the session's. Once per options object where it can be kept (a prepared
     * statement's), else looked up by value.
     */
    private ResolvedOptions resolve(StatementOptions options, DefaultPreparedStatement ps) {
        SessionConfig config = core.config();
        if (ps != null && options == ps.options()) {
            ResolvedOptions r = ps.resolved;
            if (r != null && r.config() == config) return r;
            r = resolve(options, null);
            ps.resolved = r;
            return r;
        }
        ResolvedOptions r = resolved.get(options);
        if (r != null) return r;
        r = ResolvedOptions.resolve(options, config);
        if (resolved.size() >= 1024) resolved.clear(); // options made per request: keep the map bounded
        resolved.put(options, r);
        return r;
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
        ResolvedOptions ro = resolve(defaults, null).idempotent(true);
        String ks = core.keyspace().orElse(null);
        return core.run(new RequestExecution<>(prepares, new Prepare(cql, null), defaults, Query.of(cql), ks, ro,
                System.nanoTime()));
    }

    CompletableFuture<QueryResult> batch(Batch batch, List<?> valueSets) {
        if (!valueSets.isEmpty() && valueSets.size() != batch.size()) {
            throw new IllegalArgumentException("The batch has " + batch.size() + " statements but " + valueSets.size()
                    + " value sets were given: one per statement, in order (an empty list for none)");
        }
        List<CompletableFuture<Child>> children = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Object values = valueSets.isEmpty() ? null : valueSets.get(i);
            children.add(child(batch.getStatements().get(i), values, i));
        }
        ResolvedOptions ro = resolve(batch.options(), null);
        return CompletableFuture.allOf(children.toArray(CompletableFuture[]::new)).thenCompose(x -> {
            List<Child> done = children.stream().map(CompletableFuture::join).toList();
            List<BatchStatement> statements = done.stream().map(Child::message).toList();
            List<Prepared> prepared = done.stream().map(Child::prepared).filter(p -> p != null).toList();
            RequestInfo info = batchRouting(batch, ro, done);
            long start = System.nanoTime();
            io.jsylla.internal.protocol.Batch message = new io.jsylla.internal.protocol.Batch(batch.getType(), statements,
                    ro.consistency(), ro.serialConsistency(), ro.timestamp(start), null, QueryParameters.NO_NOW_IN_SECONDS);
            return core.run(new RequestExecution<>(queries, message, new QueryKind.Batched(prepared, info.routingKey()), batch,
                    info.keyspace(), ro, start));
        });
    }

    /** One statement of a batch: what the BATCH message says of it, and the prepared statement it runs, if any. */
    private record Child(BatchStatement message, Prepared prepared, ByteBuffer routingKey) {}

    private CompletableFuture<Child> child(Statement<?> s, Object values, int index) {
        if (s instanceof BoundStatement b) {
            if (!isEmpty(values)) throw new IllegalArgumentException("batch statement " + index + " is already bound; give it no values");
            DefaultBoundStatement d = DefaultBoundStatement.of(b);
            return CompletableFuture.completedFuture(child(d.statement.prepared, d.values));
        }
        if (s instanceof PreparedStatement ps) {
            DefaultPreparedStatement d = DefaultPreparedStatement.of(ps);
            return CompletableFuture.completedFuture(child(d.prepared, bind(d, values, index)));
        }
        Query q = (Query) s;
        if (isEmpty(values)) return CompletableFuture.completedFuture(new Child(new BatchStatement(q.getCql(), null, Values.NONE), null, null));
        return cachedPrepare(q.getCql()).thenApply(ps -> {
            DefaultPreparedStatement d = DefaultPreparedStatement.of(ps);
            return child(d.prepared, bind(d, values, index));
        });
    }

    private static Child child(Prepared p, byte[] values) {
        int count = p.variables.size();
        return new Child(new BatchStatement(null, p.id, BoundValues.ofWire(values, count)), p,
                PartitionKeys.of(values, count, p.partitionKey));
    }

    private static byte[] bind(DefaultPreparedStatement ps, Object values, int index) {
        try {
            if (values == null) return ps.bindWire(new Object[0]);
            if (values instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, ?> named = (Map<String, ?>) m;
                return DefaultBoundStatement.of(ps.bind(named)).values;
            }
            if (values instanceof List<?> l) return ps.bindWire(l.toArray());
            if (values instanceof Object[] a) return ps.bindWire(a);
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

    /** Prepares the statement again on one connection, checking the node gives it the same id. */
    static CompletableFuture<Void> reprepare(Connection connection, Prepared ps, long deadline) {
        return connection.send(new Prepare(ps.cql, null), deadline).thenApply(frame -> {
            Response r = Responses.decode(frame);
            if (r instanceof ErrorResponse e) throw ServerErrors.toException(e, connection.node());
            if (!(r instanceof PreparedResult p) || !Arrays.equals(p.id(), ps.id)) {
                throw new ProtocolException(connection.node(), "re-preparing '" + ps.cql
                        + "' gave another statement id: the statement's keyspace or table changed");
            }
            return null;
        });
    }

    /** A batch routes by its own routing options, else by its first bound statement's key. */
    private RequestInfo batchRouting(Batch batch, ResolvedOptions ro, List<Child> children) {
        StatementOptions o = batch.options();
        if (o.routingKey() != null) return RequestInfo.of(batch, routingKeyspace(o, null), o.routingKey(), ro.idempotent());
        for (int i = 0; i < children.size(); i++) {
            Child c = children.get(i);
            if (batch.getStatements().get(i) instanceof BoundStatement && c.routingKey() != null) {
                return RequestInfo.of(batch, routingKeyspace(o, c.prepared().routingKeyspace), c.routingKey(), ro.idempotent());
            }
        }
        return RequestInfo.of(batch, routingKeyspace(o, null), null, ro.idempotent());
    }

    private String routingKeyspace(StatementOptions o, String fromStatement) {
        if (o.routingKeyspace() != null) return o.routingKeyspace();
        if (fromStatement != null) return fromStatement;
        return core.keyspace().orElse(null);
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
