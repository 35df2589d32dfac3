package io.jsylla.internal.session;

import io.jsylla.Batch;
import io.jsylla.BoundStatement;
import io.jsylla.ClosedSessionException;
import io.jsylla.ClusterData;
import io.jsylla.ColumnSpec;
import io.jsylla.CqlIdentifiers;
import io.jsylla.Jsylla;
import io.jsylla.NoHostAvailableException;
import io.jsylla.PagingState;
import io.jsylla.PreparedStatement;
import io.jsylla.Query;
import io.jsylla.QueryPager;
import io.jsylla.QueryResult;
import io.jsylla.ScyllaException;
import io.jsylla.Session;
import io.jsylla.SessionMetrics;
import io.jsylla.Statement;
import io.jsylla.StatementOptions;
import io.jsylla.TracingInfo;
import io.jsylla.internal.cluster.ControlConnection;
import io.jsylla.internal.cluster.Metadata;
import io.jsylla.internal.cluster.Node;
import io.jsylla.internal.cluster.NodeListener;
import io.jsylla.internal.connection.ConnectionFactory;
import io.jsylla.internal.connection.ConnectionOptions;
import io.jsylla.internal.pool.NodePool;
import io.jsylla.internal.pool.PoolLocal;
import io.jsylla.internal.pool.PoolRegistry;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.Result;
import io.jsylla.internal.protocol.SchemaChangeResult;
import io.jsylla.internal.protocol.SetKeyspaceResult;
import io.jsylla.internal.protocol.VoidResult;

import io.jsylla.internal.cluster.SessionClusterView;
import io.jsylla.internal.request.RequestExecution;
import io.jsylla.internal.request.SessionMetricsImpl;
import io.jsylla.internal.result.Pager;
import io.jsylla.internal.result.Results;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.JdkSslContext;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session: the public API over the internal layers. It wires the control connection,
 * pools and request executions together and turns each API call into a statement run.
 */
public final class DefaultSession implements Session, NodeListener, StatementRunner.SessionCore {
    private static final Logger log = LoggerFactory.getLogger(DefaultSession.class);
    /** A write's answer from a node, when it says nothing but who coordinated: immutable, so one per node, kept with its pool. */
    private static final PoolLocal<QueryResult> EMPTY_RESULT = new PoolLocal<>(Results::empty);

    private final SessionConfig config;
    private final SessionResources resources;
    private final ConnectionFactory factory;
    private final Metadata metadata = new Metadata();
    private final PoolRegistry pools = new PoolRegistry();
    private final ControlConnection control;
    private final SessionClusterView view;
    private final PreparedCache prepared;
    private final SessionMetricsImpl metrics;
    private final StatementRunner runner = new StatementRunner(this);
    private final SchemaAgreement agreement;
    private final RequestExecution.Services services;
    private final Map<InetSocketAddress, CompletableFuture<Void>> poolInits = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private volatile String keyspace;

    private DefaultSession(SessionConfig config, SessionResources resources) {
        this.config = config;
        this.resources = resources;
        this.keyspace = config.keyspace();
        this.factory = new ConnectionFactory(resources.ioGroup, connectionOptions(config));
        this.control = new ControlConnection(factory, metadata, this, resources.scheduler(), resources.admin,
                config.reconnectionPolicy(), config.addressTranslator(), (r, frame, node) -> Results.of(r, frame, node, null));
        control.schemaOptions(config.schemaMetadata(), config.schemaKeyspaces());
        this.view = new SessionClusterView(metadata, config.localDatacenter());
        this.prepared = new PreparedCache(config.preparedCacheSize());
        this.metrics = new SessionMetricsImpl(pools);
        this.agreement = new SchemaAgreement(metadata, pools, resources.scheduler(), config.schemaAgreementTimeout());
        this.services = new RequestExecution.Services(pools, view, metrics, resources.timer);
    }

    public static CompletionStage<Session> connect(SessionConfig config) {
        DefaultSession s = new DefaultSession(config, new SessionResources(config.ioThreads()));
        return s.init().handle((x, e) -> {
            if (e == null) return (Session) s;
            s.closeAsync();
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw cause instanceof RuntimeException r ? r : new ScyllaException(cause.getMessage(), cause);
        });
    }

    private static ConnectionOptions connectionOptions(SessionConfig c) {
        ProtocolVersion v = c.protocolVersion() == null ? null : ProtocolVersion.fromCode(c.protocolVersion());
        if (v == null && c.compression() == io.jsylla.Compression.SNAPPY) v = ProtocolVersion.V4; // v5 has no snappy
        return new ConnectionOptions(c.connectionTimeout(), c.compression(), c.authProvider(), c.tcpNodelay(),
                c.tcpKeepalive(), c.heartbeatInterval(), c.idleTimeout(), c.maxRequestsPerConnection(),
                256 * 1024 * 1024, c.sslContext() == null ? null : new JdkSslContext(c.sslContext(), true, null, io.netty.handler.ssl.IdentityCipherSuiteFilter.INSTANCE,
                        io.netty.handler.ssl.ApplicationProtocolConfig.DISABLED, ClientAuth.NONE, null, false),
                c.hostnameVerification(), v, "jsylla", Jsylla.version());
    }

    private CompletableFuture<Void> init() {
        List<InetSocketAddress> contactPoints = config.contactPoints().stream().map(SessionConfig::parseContactPoint).toList();
        return control.init(contactPoints).thenCompose(x -> {
            String dc = config.localDatacenter();
            io.jsylla.internal.cluster.ClusterState state = metadata.state();
            if (dc == null) {
                Node controlNode = state.node(control.node());
                view.localDatacenter(controlNode == null ? null : controlNode.datacenter());
            } else if (state.nodes().stream().noneMatch(n -> dc.equals(n.datacenter()))) {
                throw new IllegalArgumentException("localDatacenter '" + dc + "' matches no node; the cluster's datacenters are "
                        + state.nodes().stream().map(Node::datacenter).distinct().toList());
            }
            config.loadBalancingPolicy().init(view);
            for (io.jsylla.ExecutionProfile p : config.profiles().values()) {
                if (p.loadBalancingPolicy() != null) p.loadBalancingPolicy().init(view);
            }
            return waitForPools();
        });
    }

    /** Succeeds once every pool tried to open; fails only if no node could be reached. */
    private CompletableFuture<Void> waitForPools() {
        Map<InetSocketAddress, CompletableFuture<Void>> inits = Map.copyOf(poolInits);
        return CompletableFuture.allOf(inits.values().stream().map(f -> f.handle((x, e) -> null)).toArray(CompletableFuture[]::new))
                .thenRun(() -> {
                    Map<InetSocketAddress, Throwable> errors = new LinkedHashMap<>();
                    boolean any = false;
                    for (Map.Entry<InetSocketAddress, CompletableFuture<Void>> e : inits.entrySet()) {
                        try {
                            e.getValue().join();
                            any = true;
                        } catch (CompletionException ex) {
                            errors.put(e.getKey(), ex.getCause());
                        }
                    }
                    if (!any) throw new NoHostAvailableException("Cannot open a connection pool to any node", errors);
                    errors.forEach((node, err) -> log.warn("No connection to {} yet: {}", node, err.getMessage()));
                });
    }

    // ---- NodeListener

    // The control connection reports node values; pools follow them by address, and a pool's
    // first and last connection mark its node up and down in the cluster state.

    @Override
    public void nodeAdded(Node node) {
        if (closed.get()) return;
        NodePool pool = pools.add(node.address(), a -> new NodePool(a, node.toString(), factory, config.poolSize(), keyspace,
                resources.scheduler(), config.reconnectionPolicy(), new io.jsylla.internal.pool.PoolListener() {
                    @Override
                    public void up(InetSocketAddress node, boolean up) {
                        metadata.markUp(node, up);
                    }

                    @Override
                    public void shards(InetSocketAddress node, java.util.OptionalInt shards) {
                        metadata.shards(node, shards);
                    }
                }, config.shardAwareness()));
        if (pool == null) return;
        poolInits.put(node.address(), pool.init());
        log.debug("Node added: {}", node);
    }

    @Override
    public void nodeRemoved(Node node) {
        poolInits.remove(node.address());
        pools.remove(node.address());
        log.info("Node removed: {}", node);
    }

    @Override
    public void nodeUp(Node node) {
        NodePool p = pools.get(node.address());
        if (p != null) p.reconnectNow();
    }

    @Override
    public void nodeDown(Node node) {
        NodePool p = pools.get(node.address());
        if (p == null || p.openConnections() == 0) metadata.markUp(node.address(), false);
    }

    // ---- SessionCore

    @Override
    public SessionConfig config() {
        return config;
    }

    @Override
    public ProtocolVersion protocolVersion() {
        ProtocolVersion v = factory.protocolVersion();
        return v == null ? ProtocolVersion.LATEST : v;
    }

    @Override
    public PreparedCache prepared() {
        return prepared;
    }

    @Override
    public RequestExecution.Services services() {
        return services;
    }

    @Override
    public <T> CompletableFuture<T> run(RequestExecution<T> execution) {
        if (closed.get()) execution.completeExceptionally(new ClosedSessionException());
        else execution.start();
        return execution;
    }

    @Override
    public void finish(Result r, Frame frame, NodePool node, List<ColumnSpec> knownColumns, CompletableFuture<QueryResult> target) {
        // A write's answer says nothing but who coordinated it: one shared result per node.
        QueryResult result = r == VoidResult.INSTANCE && frame.tracingId() == null && frame.warnings().isEmpty()
                ? EMPTY_RESULT.get(node) : Results.of(r, frame, node.address(), knownColumns);
        if (r instanceof SetKeyspaceResult set) {
            switchKeyspace(CqlIdentifiers.quote(set.keyspace())).whenComplete((x, e) -> target.complete(result));
        } else if (r instanceof SchemaChangeResult && config.awaitSchemaAgreementAfterChange()) {
            agreement.await().handle((v, e) -> {
                if (e != null) log.warn("After a schema change: {}", e.getMessage());
                return null;
            }).thenCompose(x -> control.refreshSchema().exceptionally(e -> null)).whenComplete((x, e) -> target.complete(result));
        } else {
            target.complete(result);
        }
    }

    @Override
    public QueryResult emptyResult() {
        return Results.empty(null);
    }

    @Override
    public CompletableFuture<Void> prepareOnOtherNodes(String cql, NodePool except) {
        List<CompletableFuture<?>> all = new java.util.ArrayList<>();
        for (Node n : metadata.nodes()) {
            NodePool p = pools.get(n.address());
            io.jsylla.internal.connection.Connection c = p == except || p == null || !n.isUp() ? null : p.next();
            long deadline = System.nanoTime() + config.requestTimeout().toNanos();
            if (c != null) all.add(c.send(new io.jsylla.internal.protocol.Prepare(cql, null), deadline).handle((x, e) -> null));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> switchKeyspace(String quoted) {
        keyspace = quoted;
        return CompletableFuture.allOf(pools.all().stream().map(p -> p.useKeyspace(quoted)).toArray(CompletableFuture[]::new));
    }

    // ---- executing

    @Override
    public CompletionStage<QueryResult> executeAsync(String cql, Object... values) {
        return guard(() -> values == null || values.length == 0
                ? runner.query(Query.of(cql), PagingState.start())
                : runner.withValues(Query.of(cql), PagingState.start(), values));
    }

    @Override
    public CompletionStage<QueryResult> executeAsync(String cql, Map<String, ?> values) {
        return guard(() -> runner.withValues(Query.of(cql), PagingState.start(), values));
    }

    @Override
    public CompletionStage<QueryResult> executeAsync(Statement<?> statement) {
        return guard(() -> {
            if (statement instanceof Query q) return runner.query(q, PagingState.start());
            if (statement instanceof BoundStatement b) return runner.bound(b, b.options(), PagingState.start());
            if (statement instanceof PreparedStatement ps) return runner.bound(ps.bind(), ps.options(), PagingState.start());
            if (statement instanceof Batch b) return runner.batch(b, List.of());
            throw new IllegalArgumentException("unknown statement kind " + statement);
        });
    }

    @Override
    public CompletionStage<QueryResult> queryAsync(Query query, Object... values) {
        return querySinglePageAsync(query, PagingState.start(), values);
    }

    @Override
    public CompletionStage<QueryResult> queryAsync(Query query, Map<String, ?> values) {
        return guard(() -> runner.withValues(query, PagingState.start(), values));
    }

    @Override
    public CompletionStage<PreparedStatement> prepareAsync(String cql) {
        return guard(() -> runner.cachedPrepare(cql));
    }

    @Override
    public CompletionStage<PreparedStatement> prepareAsync(Query query) {
        return guard(() -> runner.cachedPrepare(query.getCql()).thenApply(ps -> ps.withOptions(query.options())));
    }

    @Override
    public CompletionStage<QueryResult> executePreparedAsync(PreparedStatement ps, Object... values) {
        return executeSinglePageAsync(ps, PagingState.start(), values);
    }

    @Override
    public CompletionStage<QueryResult> executePreparedAsync(PreparedStatement ps, Map<String, ?> values) {
        return guard(() -> runner.bound(ps.bind(values), ps.options(), PagingState.start()));
    }

    @Override
    public CompletionStage<QueryResult> batchAsync(Batch batch, List<?> valueSets) {
        return guard(() -> runner.batch(batch, valueSets == null ? List.of() : valueSets));
    }

    @Override
    public CompletionStage<Batch> prepareBatchAsync(Batch batch) {
        return guard(() -> runner.prepareBatch(batch));
    }

    @Override
    public CompletionStage<QueryResult> querySinglePageAsync(Query query, PagingState state, Object... values) {
        return guard(() -> values == null || values.length == 0
                ? runner.query(query, state)
                : runner.withValues(query, state, values));
    }

    @Override
    public QueryPager queryIter(Query query, Object... values) {
        checkOpen();
        return new Pager(state -> querySinglePageAsync(query, state, values));
    }

    @Override
    public CompletionStage<QueryResult> executeSinglePageAsync(PreparedStatement ps, PagingState state, Object... values) {
        // The hot path of applications: no lambda, same guarantees as guard().
        if (closed.get()) return CompletableFuture.failedFuture(new ClosedSessionException());
        try {
            return runner.execute(ps, values, state);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public QueryPager executeIter(PreparedStatement ps, Object... values) {
        checkOpen();
        BoundStatement bound = ps.bind(values);
        return new Pager(state -> guard(() -> runner.bound(bound, ps.options(), state)));
    }

    // ---- keyspace, schema, cluster

    @Override
    public CompletionStage<Void> useKeyspaceAsync(String name, boolean caseSensitive) {
        return guard(() -> runner.query(Query.of("USE " + CqlIdentifiers.fromUser(name, caseSensitive)), PagingState.start())
                .thenApply(r -> null));
    }

    @Override
    public Optional<String> getKeyspace() {
        String ks = keyspace;
        if (ks == null) return Optional.empty();
        return Optional.of(ks.startsWith("\"") ? ks.substring(1, ks.length() - 1).replace("\"\"", "\"") : ks);
    }

    @Override
    public Optional<String> keyspace() {
        return getKeyspace();
    }

    @Override
    public CompletionStage<UUID> awaitSchemaAgreementAsync() {
        return guard(agreement::await);
    }

    @Override
    public CompletionStage<Optional<UUID>> checkSchemaAgreementAsync() {
        return guard(agreement::check);
    }

    @Override
    public CompletionStage<Void> refreshMetadataAsync() {
        return guard(() -> control.refreshNodes().thenCompose(x -> control.refreshSchema()));
    }

    @Override
    public ClusterData getClusterData() {
        return metadata.state(); // immutable: the snapshot is the state itself
    }

    @Override
    public SessionMetrics getMetrics() {
        return metrics;
    }

    @Override
    public CompletionStage<TracingInfo> getTracingInfoAsync(UUID tracingId) {
        return guard(() -> new Traces(this, resources.scheduler()).fetch(tracingId));
    }

    // ---- life

    @Override
    public CompletionStage<Void> closeAsync() {
        if (!closed.compareAndSet(false, true)) return closeFuture;
        CompletableFuture<Void> poolsClosed = pools.closeAll();
        control.close()
                .thenCompose(x -> poolsClosed)
                .completeOnTimeout(null, config.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)
                .handle((x, e) -> null)
                .thenCompose(x -> resources.close())
                .whenComplete((x, e) -> closeFuture.complete(null));
        return closeFuture;
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    private void checkOpen() {
        if (closed.get()) throw new ClosedSessionException();
    }

    /** Runs an API call: refused when closed; argument errors thrown synchronously become failed stages. */
    private <T> CompletableFuture<T> guard(java.util.function.Supplier<? extends CompletionStage<T>> call) {
        if (closed.get()) return CompletableFuture.failedFuture(new ClosedSessionException());
        try {
            return call.get().toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    StatementRunner runner() {
        return runner;
    }

    @Override
    public String toString() {
        return "Session[" + config + ", keyspace " + keyspace + "]";
    }
}
