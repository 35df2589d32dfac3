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
        return core.run(c -> new io.jsylla.internal.protocol.Query(query.getCql(), parameters(ro, c, Values.NONE, false, state)),
                ro, info, null).thenCompose(o -> core.finish(o, null));
    }

    CompletableFuture<QueryResult> bound(BoundStatement b, StatementOptions options, PagingState state) {
        if (state.isEnd()) return CompletableFuture.completedFuture(core.emptyResult());
        PreparedStatement ps = b.preparedStatement();
        ResolvedOptions ro = ResolvedOptions.of(options, core.config());
        PreparedCache.ResultShape shape = shapeOf(ps);
        // v4 has no way to say the result columns changed (ALTER TABLE), so it always asks for them.
        boolean skip = core.protocolVersion().usesSegments() && !shape.columns().isEmpty();
        Values values = Values.of(b.serializedValues());
        ByteBuffer key = options.routingKey() != null ? options.routingKey() : RoutingKeys.of(b);
        RequestInfo info = new RequestInfo(b, routingKeyspace(options, RoutingKeys.keyspace(ps)), key, ro.idempotent());
        return core.run(c -> new Execute(ps.getId(), shape.metadataId(), parameters(ro, c, values, skip, state)), ro, info,
                        connection -> reprepare(connection, ps))
                .thenCompose(o -> {
                    if (o.result() instanceof RowsResult rows && rows.metadata().metadataChanged()) {
                        core.prepared().shape(ps.getId(), new PreparedCache.ResultShape(rows.metadata().newMetadataId(),
                                Results.columns(rows.metadata().columns())));
                    }
                    return core.finish(o, shape.columns());
                });
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
        return core.run(c -> new Prepare(cql, null), ro, info, null).thenApply(o -> {
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
            return core.run(c -> new io.jsylla.internal.protocol.Batch(batch.getType(), statements, c,
                            ro.serialConsistency(), ro.timestamp(), null, QueryParameters.NO_NOW_IN_SECONDS), ro, info,
                            connection -> reprepareAll(connection, prepared))
                    .thenCompose(o -> core.finish(o, null));
        });
    }

    private CompletableFuture<BatchStatement> child(Statement<?> s, Object values, int index, List<PreparedStatement> prepared) {
        if (s instanceof BoundStatement b) {
            if (!isEmpty(values)) throw new IllegalArgumentException("batch statement " + index + " is already bound; give it no values");
            synchronized (prepared) {
                prepared.add(b.preparedStatement());
            }
            return CompletableFuture.completedFuture(new BatchStatement(null, b.preparedStatement().getId(), Values.of(b.serializedValues())));
        }
        if (s instanceof PreparedStatement ps) {
            synchronized (prepared) {
                prepared.add(ps);
            }
            return CompletableFuture.completedFuture(new BatchStatement(null, ps.getId(), Values.of(bind(ps, values, index))));
        }
        Query q = (Query) s;
        if (isEmpty(values)) return CompletableFuture.completedFuture(new BatchStatement(q.getCql(), null, Values.NONE));
        return cachedPrepare(q.getCql()).thenApply(ps -> {
            synchronized (prepared) {
                prepared.add(ps);
            }
            return new BatchStatement(null, ps.getId(), Values.of(bind(ps, values, index)));
        });
    }

    private static List<ByteBuffer> bind(PreparedStatement ps, Object values, int index) {
        try {
            if (values == null) return ps.bind().serializedValues();
            if (values instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, ?> named = (Map<String, ?>) m;
                return ps.bind(named).serializedValues();
            }
            if (values instanceof List<?> l) return ps.bind(l.toArray()).serializedValues();
            if (values instanceof Object[] a) return ps.bind(a).serializedValues();
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

    private PreparedCache.ResultShape shapeOf(PreparedStatement ps) {
        PreparedCache.ResultShape s = core.prepared().shape(ps.getId());
        return s != null ? s : new PreparedCache.ResultShape(ps.getResultMetadataId(), ps.getResultColumns());
    }

    private CompletableFuture<Void> reprepare(Connection connection, PreparedStatement ps) {
        return connection.send(new Prepare(ps.getCql(), null)).thenApply(frame -> {
            Response r = Responses.decode(frame);
            if (r instanceof ErrorResponse e) throw ServerErrors.toException(e, connection.node());
            if (!(r instanceof PreparedResult p) || !Arrays.equals(p.id(), ps.getId())) {
                throw new ProtocolException(connection.node(), "re-preparing '" + ps.getCql()
                        + "' gave another statement id: the statement's keyspace or table changed");
            }
            return null;
        });
    }

    private CompletableFuture<Void> reprepareAll(Connection connection, List<PreparedStatement> statements) {
        return CompletableFuture.allOf(statements.stream().map(ps -> reprepare(connection, ps)).toArray(CompletableFuture[]::new));
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

    private QueryParameters parameters(ResolvedOptions ro, io.jsylla.Consistency consistency, Values values,
                                       boolean skipMetadata, PagingState state) {
        byte[] raw = state.rawState();
        return new QueryParameters(consistency, values, skipMetadata, ro.pageSize(),
                raw == null ? null : ByteBuffer.wrap(raw), ro.serialConsistency(), ro.timestamp(), null,
                QueryParameters.NO_NOW_IN_SECONDS);
    }

    /** The core the runner sends through: implemented by the session. */
    interface SessionCore {
        SessionConfig config();

        ProtocolVersion protocolVersion();

        PreparedCache prepared();

        java.util.Optional<String> keyspace();

        CompletableFuture<RequestExecution.Outcome> run(MessageFactory messages, ResolvedOptions options, RequestInfo info,
                                                        RequestExecution.Reprepare reprepare);

        CompletableFuture<QueryResult> finish(RequestExecution.Outcome outcome, List<ColumnSpec> knownColumns);

        QueryResult emptyResult();

        /** Prepares on one connection of every other up node; failures are ignored (a later UNPREPARED re-prepares). */
        CompletableFuture<Void> prepareOnOtherNodes(String cql, io.jsylla.internal.cluster.Node except);
    }
}
