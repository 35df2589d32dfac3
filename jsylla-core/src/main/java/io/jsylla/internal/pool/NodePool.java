package io.jsylla.internal.pool;

import io.jsylla.internal.connection.Connection;
import io.jsylla.internal.connection.ConnectionFactory;
import io.jsylla.internal.protocol.Query;
import io.jsylla.internal.protocol.QueryParameters;
import io.jsylla.internal.protocol.Values;
import io.jsylla.policies.ReconnectionPolicy;
import io.jsylla.Consistency;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections to one node: opened up front, replaced when they close (with exponential
 * backoff), switched together to the session's keyspace. A request takes the least busy one.
 * The array of connections is copy-on-write, so picking one takes no lock.
 *
 * <p>A pool knows its node by address only (the cluster's node values change; the address is
 * the node's identity within a session), and holds what is live about the node: connections,
 * the requests sent to it, and values a layer above keeps per node ({@link PoolLocal}).
 */
public final class NodePool {
    private static final Logger log = LoggerFactory.getLogger(NodePool.class);
    private static final Connection[] NONE = new Connection[0];

    private static final Object[] NO_LOCALS = new Object[0];

    private final InetSocketAddress address;
    private final String name;
    private final ConnectionFactory factory;
    private final int size;
    private final EventExecutor scheduler;
    private final BiConsumer<InetSocketAddress, Boolean> upDown;
    private final ReconnectionPolicy reconnection;
    private ReconnectionPolicy.Schedule schedule; // guarded by this; null between episodes
    private volatile Connection[] connections = NONE;
    private volatile String keyspace;
    private volatile boolean closed;
    private boolean reconnectScheduled; // guarded by this
    private int opening; // guarded by this
    private final LongAdder requests = new LongAdder();
    volatile Object[] locals = NO_LOCALS; // PoolLocal values by slot; copy-on-write

    /**
     * @param name   the node as logs name it
     * @param upDown told, with the address, when the pool gains its first connection (true) or loses its last (false)
     */
    public NodePool(InetSocketAddress address, String name, ConnectionFactory factory, int size, String keyspace,
                    EventExecutor scheduler, ReconnectionPolicy reconnection, BiConsumer<InetSocketAddress, Boolean> upDown) {
        this.address = address;
        this.name = name;
        this.reconnection = reconnection;
        this.factory = factory;
        this.size = size;
        this.keyspace = keyspace;
        this.scheduler = scheduler;
        this.upDown = upDown;
    }

    /** Opens the connections; completes when every attempt ended, failing if none succeeded. */
    public CompletableFuture<Void> init() {
        List<CompletableFuture<Connection>> attempts = new ArrayList<>();
        synchronized (this) {
            opening += size;
        }
        for (int i = 0; i < size; i++) attempts.add(open());
        return CompletableFuture.allOf(attempts.stream().map(f -> f.handle((c, e) -> null)).toArray(CompletableFuture[]::new))
                .thenCompose(x -> {
                    if (connections.length > 0) return CompletableFuture.completedFuture(null);
                    CompletableFuture<Void> failed = new CompletableFuture<>();
                    attempts.get(0).whenComplete((c, e) -> failed.completeExceptionally(e));
                    return failed;
                });
    }

    private CompletableFuture<Connection> open() {
        String ks = keyspace;
        return factory.connect(address, ks, List.of()).whenComplete((c, e) -> {
            synchronized (this) {
                opening--;
            }
            if (e != null) {
                log.debug("{}: connection failed: {}", name, e.toString());
                scheduleReconnect();
                return;
            }
            if (closed) {
                c.forceClose();
                return;
            }
            add(c);
            c.closeFuture().thenRun(() -> removed(c));
            String wanted = keyspace;
            if (wanted != null && !wanted.equals(ks)) use(c, wanted);
        });
    }

    private void add(Connection c) {
        boolean first;
        synchronized (this) {
            Connection[] cur = connections;
            Connection[] next = Arrays.copyOf(cur, cur.length + 1);
            next[cur.length] = c;
            connections = next;
            first = cur.length == 0;
            schedule = null;
        }
        if (first) upDown.accept(address, true);
    }

    private void removed(Connection c) {
        boolean last;
        synchronized (this) {
            Connection[] cur = connections;
            int i = Arrays.asList(cur).indexOf(c);
            if (i < 0) return;
            Connection[] next = new Connection[cur.length - 1];
            System.arraycopy(cur, 0, next, 0, i);
            System.arraycopy(cur, i + 1, next, i, cur.length - i - 1);
            connections = next;
            last = next.length == 0;
        }
        if (closed) return;
        log.debug("{}: connection closed; {} left", name, connections.length);
        if (last) upDown.accept(address, false);
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        long delay;
        synchronized (this) {
            if (closed || reconnectScheduled || connections.length + opening >= size) return;
            reconnectScheduled = true;
            if (schedule == null) schedule = reconnection.newSchedule();
            delay = schedule.nextDelay().toMillis();
        }
        scheduler.schedule(this::reconnect, delay, TimeUnit.MILLISECONDS);
    }

    private void reconnect() {
        int missing;
        synchronized (this) {
            reconnectScheduled = false;
            if (closed) return;
            missing = size - connections.length - opening;
            opening += Math.max(0, missing);
        }
        for (int i = 0; i < missing; i++) open();
    }

    /** Tries now (a node reported up) instead of waiting for the next scheduled attempt. */
    public void reconnectNow() {
        synchronized (this) {
            schedule = null;
        }
        reconnect();
    }

    /** The least busy open connection, or null when none is open. */
    public Connection next() {
        Connection[] cs = connections;
        if (cs.length == 1) return cs[0].isOpen() ? cs[0] : null; // no need to read the busy in-flight counter
        Connection best = null;
        int bestLoad = Integer.MAX_VALUE;
        for (Connection c : cs) {
            int load = c.inFlight();
            if (load < bestLoad && c.isOpen()) {
                best = c;
                bestLoad = load;
            }
        }
        return best;
    }

    /** Every open connection, for the few operations that touch them all. */
    public List<Connection> connections() {
        return List.of(connections);
    }

    /** Switches every connection, and those opened later, to a keyspace (a CQL identifier). */
    public CompletableFuture<Void> useKeyspace(String ks) {
        keyspace = ks;
        return CompletableFuture.allOf(Arrays.stream(connections).map(c -> use(c, ks)).toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<?> use(Connection c, String ks) {
        return c.send(new Query("USE " + ks, QueryParameters.of(Consistency.ONE, Values.NONE)),
                System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(12));
    }

    public int openConnections() {
        return connections.length;
    }

    public int inFlight() {
        int n = 0;
        for (Connection c : connections) n += c.inFlight();
        return n;
    }

    /** Counts a request sent to the node. */
    public void countRequest() {
        requests.increment();
    }

    /** Requests sent to the node since the pool was made. */
    public long requestCount() {
        return requests.sum();
    }

    /** The slot's value, set once: the first one set wins, so every caller shares one instance. */
    synchronized Object setLocal(int slot, Object value) {
        Object[] cur = locals;
        if (slot < cur.length && cur[slot] != null) return cur[slot];
        Object[] next = Arrays.copyOf(cur, Math.max(cur.length, slot + 1));
        next[slot] = value;
        locals = next;
        return value;
    }

    /** Stops reconnecting; lets requests in flight finish, then closes. */
    public CompletableFuture<Void> close() {
        closed = true;
        return CompletableFuture.allOf(Arrays.stream(connections).map(Connection::closeGracefully)
                .toArray(CompletableFuture[]::new));
    }

    /** The node's address: the pool's key, and its identity. */
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public String toString() {
        return "NodePool[" + name + ", " + connections.length + "/" + size + " open, " + inFlight() + " in flight]";
    }
}
