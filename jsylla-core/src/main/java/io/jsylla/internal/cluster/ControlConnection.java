package io.jsylla.internal.cluster;

import io.jsylla.Consistency;
import io.jsylla.InvalidQueryException;
import io.jsylla.NoHostAvailableException;
import io.jsylla.QueryResult;
import io.jsylla.Row;
import io.jsylla.ScyllaException;
import io.jsylla.internal.connection.Connection;
import io.jsylla.internal.connection.ConnectionFactory;
import io.jsylla.internal.connection.ServerErrors;
import io.jsylla.policies.AddressTranslator;
import io.jsylla.policies.ReconnectionPolicy;
import io.jsylla.internal.protocol.ErrorResponse;
import io.jsylla.internal.protocol.Event;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.Query;
import io.jsylla.internal.protocol.QueryParameters;
import io.jsylla.internal.protocol.Response;
import io.jsylla.internal.protocol.Responses;
import io.jsylla.internal.protocol.Result;
import io.jsylla.internal.protocol.SchemaChangeEvent;
import io.jsylla.internal.protocol.StatusChangeEvent;
import io.jsylla.internal.protocol.TopologyChangeEvent;
import io.jsylla.internal.protocol.Values;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection, to any node, through which the driver watches the cluster: it reads the
 * nodes ({@code system.local}, {@code system.peers_v2} or {@code system.peers}) and the schema
 * ({@code system_schema}), registers for topology, status and schema events (refreshing after a
 * short debounce), and moves to another node when its node fails.
 */
public final class ControlConnection {
    private static final Logger log = LoggerFactory.getLogger(ControlConnection.class);
    private static final List<String> EVENTS = List.of("TOPOLOGY_CHANGE", "STATUS_CHANGE", "SCHEMA_CHANGE");
    private static final long DEBOUNCE_MILLIS = 200;
    private static final long QUERY_TIMEOUT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(12);

    private final ConnectionFactory factory;
    private final Metadata metadata;
    private final NodeListener listener;
    private final ResultReader results;
    private final EventExecutor scheduler;
    private final Executor admin;
    private final ReconnectionPolicy reconnectionPolicy;
    private final AddressTranslator translator;
    private volatile ReconnectionPolicy.Schedule reconnection;
    private volatile List<InetSocketAddress> unresolvedContactPoints = List.of();
    private volatile boolean schemaEnabled = true;
    private volatile boolean reconnectFailing;
    private volatile Set<String> schemaKeyspaces = Set.of();
    private final AtomicBoolean nodeRefreshPending = new AtomicBoolean();
    private final AtomicBoolean schemaRefreshPending = new AtomicBoolean();
    private volatile List<InetSocketAddress> contactPoints = List.of();
    private volatile Connection connection;
    private volatile boolean peersV2 = true;
    private volatile boolean closed;

    public ControlConnection(ConnectionFactory factory, Metadata metadata, NodeListener listener,
                             EventExecutor scheduler, Executor admin, ReconnectionPolicy reconnectionPolicy,
                             AddressTranslator translator, ResultReader results) {
        this.results = results;
        this.reconnectionPolicy = reconnectionPolicy;
        this.translator = translator;
        this.factory = factory;
        this.metadata = metadata;
        this.listener = listener;
        this.scheduler = scheduler;
        this.admin = admin;
    }

    /** Whether to read the schema, and of which keyspaces (empty: all). */
    public void schemaOptions(boolean enabled, Set<String> keyspaces) {
        this.schemaEnabled = enabled;
        this.schemaKeyspaces = Set.copyOf(keyspaces);
    }

    /** Connects to the first contact point that answers, then reads nodes and schema. */
    public CompletableFuture<Void> init(List<InetSocketAddress> unresolved) {
        Map<InetSocketAddress, Throwable> errors = new LinkedHashMap<>();
        unresolvedContactPoints = List.copyOf(unresolved);
        return CompletableFuture.supplyAsync(() -> resolve(unresolved, errors), admin)
                .thenCompose(resolved -> {
                    contactPoints = resolved;
                    return connectAny(resolved, errors, 0);
                })
                .thenCompose(c -> refreshNodes())
                .thenCompose(x -> refreshSchema());
    }

    /** Every address of every contact point name; an unresolvable name is an error, not the end. */
    private static List<InetSocketAddress> resolve(List<InetSocketAddress> points, Map<InetSocketAddress, Throwable> errors) {
        Set<InetSocketAddress> out = new LinkedHashSet<>();
        for (InetSocketAddress p : points) {
            try {
                for (InetAddress a : InetAddress.getAllByName(p.getHostString())) out.add(new InetSocketAddress(a, p.getPort()));
            } catch (UnknownHostException e) {
                errors.put(p, new ScyllaException("cannot resolve " + p.getHostString() + ": " + e.getMessage(), e));
            }
        }
        return List.copyOf(out);
    }

    private CompletableFuture<Connection> connectAny(List<InetSocketAddress> candidates, Map<InetSocketAddress, Throwable> errors, int i) {
        if (i >= candidates.size()) {
            return CompletableFuture.failedFuture(new NoHostAvailableException("Cannot connect to any contact point", errors));
        }
        InetSocketAddress a = candidates.get(i);
        return factory.connect(a, null, EVENTS).handle((c, e) -> {
            if (e != null) {
                errors.put(a, e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e);
                return connectAny(candidates, errors, i + 1);
            }
            adopt(c);
            return CompletableFuture.completedFuture(c);
        }).thenCompose(f -> f);
    }

    private void adopt(Connection c) {
        if (closed) {
            c.forceClose();
            return;
        }
        connection = c;
        reconnection = null;
        c.eventListener(this::onEvent);
        c.closeFuture().thenRun(() -> {
            if (!closed && connection == c) {
                log.info("Control connection to {} closed; moving to another node", c.node());
                scheduleReconnect();
            }
        });
        log.debug("Control connection on {}", c.node());
    }

    private void scheduleReconnect() {
        ReconnectionPolicy.Schedule s = reconnection;
        if (s == null) {
            s = reconnectionPolicy.newSchedule();
            reconnection = s;
        }
        scheduler.schedule(this::reconnect, s.nextDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reconnect() {
        if (closed) return;
        // Contact point names are resolved again: the addresses behind a name may have moved.
        CompletableFuture.supplyAsync(() -> resolve(unresolvedContactPoints, new LinkedHashMap<>()), admin)
                .thenCompose(resolved -> {
                    contactPoints = resolved;
                    List<InetSocketAddress> candidates = new ArrayList<>();
                    ClusterState state = metadata.state();
                    for (Node n : state.nodes()) if (n.isUp()) candidates.add(n.address());
                    for (Node n : state.nodes()) if (!n.isUp()) candidates.add(n.address());
                    for (InetSocketAddress p : resolved) if (!candidates.contains(p)) candidates.add(p);
                    return connectAny(candidates, new LinkedHashMap<>(), 0);
                })
                .thenCompose(c -> refreshNodes())
                .thenCompose(x -> refreshSchema())
                .whenComplete((x, e) -> {
                    if (e != null) {
                        // Once per outage at WARN; every further attempt at DEBUG.
                        if (!reconnectFailing) log.warn("Control connection: no node answers ({}); retrying", e.getMessage());
                        else log.debug("Control connection: still no node answers ({})", e.getMessage());
                        reconnectFailing = true;
                        scheduleReconnect();
                    } else {
                        if (reconnectFailing) log.info("Control connection restored on {}", node());
                        reconnectFailing = false;
                    }
                });
    }

    /** The node the control connection is on, or null while it reconnects. */
    public InetSocketAddress node() {
        Connection c = connection;
        return c == null ? null : c.node();
    }

    /** Runs a query on the control connection (consistency ONE) and returns its rows. */
    public CompletableFuture<QueryResult> query(String cql, List<ByteBuffer> values) {
        Connection c = connection;
        if (c == null || !c.isOpen()) {
            return CompletableFuture.failedFuture(new ScyllaException("the control connection is reconnecting"));
        }
        Query q = new Query(cql, QueryParameters.of(Consistency.ONE, values.isEmpty() ? Values.NONE : Values.of(values)));
        // Bounded like any request: a node that stops answering must not stall metadata for ever.
        return c.send(q, System.nanoTime() + QUERY_TIMEOUT_NANOS).thenApply(frame -> {
            Response r = Responses.decode(frame);
            if (r instanceof ErrorResponse e) throw ServerErrors.toException(e, c.node());
            return results.read((Result) r, frame, c.node());
        });
    }

    public CompletableFuture<Void> refreshNodes() {
        Connection c = connection;
        if (c == null) return CompletableFuture.completedFuture(null);
        CompletableFuture<QueryResult> local = query("SELECT * FROM system.local WHERE key = 'local'", List.of());
        CompletableFuture<QueryResult> peers = peers();
        return local.thenCombine(peers, (l, p) -> {
            applyNodes(c.node(), l.firstRow().orElseThrow(() -> new ScyllaException("system.local is empty on " + c.node())),
                    p.rows());
            return null;
        });
    }

    private CompletableFuture<QueryResult> peers() {
        if (!peersV2) return query("SELECT * FROM system.peers", List.of());
        return query("SELECT * FROM system.peers_v2", List.of()).exceptionallyCompose(e -> {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (!(cause instanceof InvalidQueryException)) return CompletableFuture.failedFuture(cause);
            peersV2 = false; // before Cassandra 4.0, and ScyllaDB
            return query("SELECT * FROM system.peers", List.of());
        });
    }

    /**
     * Publishes the nodes the system tables list, as one new state; then tells the listener which
     * appeared and which left. A known node keeps whether it is up.
     */
    private synchronized void applyNodes(InetSocketAddress controlNode, Row local, List<Row> peers) {
        Metadata.Change change = metadata.update(s -> {
            Map<InetSocketAddress, Node> next = new LinkedHashMap<>();
            read(s, next, controlNode, local);
            for (Row p : peers) {
                InetSocketAddress addr = NodeRows.nativeAddress(p, controlNode.getPort());
                if (addr != null) read(s, next, translator.translate(addr), p);
            }
            return s.withNodes(local.getString("cluster_name"), local.getString("partitioner"), next.values());
        });
        ClusterState before = change.before();
        ClusterState after = change.after();
        for (Node n : after.nodes()) if (before.node(n.address()) == null) listener.nodeAdded(n);
        for (Node n : before.nodes()) if (after.node(n.address()) == null) listener.nodeRemoved(n);
    }

    private static void read(ClusterState s, Map<InetSocketAddress, Node> next, InetSocketAddress addr, Row r) {
        Node known = s.node(addr);
        Node fresh = NodeRows.node(addr, r, known == null || known.isUp());
        next.put(addr, known == null ? fresh : fresh.withShards(known.shards())); // shards are learned by the pools, not read from rows
    }

    /** Reads the schema (all keyspaces, or the configured ones), unless schema metadata is off. */
    public CompletableFuture<Void> refreshSchema() {
        if (connection == null || !schemaEnabled) return CompletableFuture.completedFuture(null);
        return SchemaLoader.load(cql -> query(cql, List.of()), schemaKeyspaces)
                .thenAccept(keyspaces -> metadata.update(s -> s.withKeyspaces(keyspaces)));
    }

    private void onEvent(Frame frame) {
        Response r;
        try {
            r = Responses.decode(frame);
        } catch (RuntimeException e) {
            log.warn("Undecodable event from {}: {}", node(), e.toString());
            return;
        }
        if (!(r instanceof Event event)) return;
        if (event instanceof TopologyChangeEvent) {
            debounce(nodeRefreshPending, this::refreshNodes);
        } else if (event instanceof StatusChangeEvent s) {
            Node n = findNode(s.address());
            if (n == null) {
                debounce(nodeRefreshPending, this::refreshNodes);
            } else if ("UP".equals(s.change())) {
                listener.nodeUp(n);
            } else if ("DOWN".equals(s.change())) {
                listener.nodeDown(n);
            }
        } else if (event instanceof SchemaChangeEvent) {
            debounce(schemaRefreshPending, this::refreshSchema);
        }
    }

    /** Events carry the node's address; match it by IP when ports differ. */
    private Node findNode(InetSocketAddress address) {
        ClusterState state = metadata.state();
        Node n = state.node(address);
        if (n != null) return n;
        for (Node candidate : state.nodes()) {
            if (candidate.address().getAddress() != null && candidate.address().getAddress().equals(address.getAddress())) {
                return candidate;
            }
        }
        return null;
    }

    /** Coalesces a burst of events into one refresh, shortly after the first. */
    private void debounce(AtomicBoolean pending, java.util.function.Supplier<CompletableFuture<Void>> refresh) {
        if (!pending.compareAndSet(false, true)) return;
        scheduler.schedule(() -> {
            pending.set(false);
            refresh.get().whenComplete((x, e) -> {
                if (e != null) log.debug("Refresh after event failed: {}", e.toString());
            });
        }, DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
    }

    public CompletableFuture<Void> close() {
        closed = true;
        Connection c = connection;
        return c == null ? CompletableFuture.completedFuture(null) : c.forceClose();
    }
}
