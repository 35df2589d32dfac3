package io.jsylla.internal.pool;

import io.jsylla.Consistency;
import io.jsylla.internal.connection.Connection;
import io.jsylla.internal.connection.ConnectionFactory;
import io.jsylla.internal.connection.Endpoint;
import io.jsylla.internal.connection.LocalPortUnavailableException;
import io.jsylla.internal.protocol.Query;
import io.jsylla.internal.protocol.QueryParameters;
import io.jsylla.internal.protocol.ShardingOptions;
import io.jsylla.internal.protocol.Values;
import io.jsylla.internal.routing.Sharding;
import io.jsylla.policies.ReconnectionPolicy;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections to one node: opened up front and in parallel, replaced when they close (with
 * exponential backoff), switched together to the session's keyspace. A request takes the least
 * busy connection, of the shard that owns its token on a ScyllaDB node. What requests read is one
 * immutable {@link Slots} value, so picking a connection takes no lock.
 *
 * <p>On ScyllaDB (SUPPORTED names the node's shards) the pool holds {@code size} connections per
 * shard. The first connection goes to the regular port and learns the sharding; the rest go to
 * the shard-aware port, each from a local port that names its shard ({@link ShardAwareness}),
 * trying the next port of the shard's class when one cannot be bound. The shard a connection
 * got is always read from its own SUPPORTED, never assumed. Fallbacks:
 * <ul>
 *   <li>the shard-aware port refused, timing out, or out of local ports: fill through the regular
 *       port at once, and leave port selection off for {@link #PORT_SELECTION_BACKOFF_NANOS};</li>
 *   <li>a connection that lands on another shard than its port asked for (a NAT rewrote the
 *       source port): the same;</li>
 *   <li>through the regular port the node picks its least connected shard; connections landing
 *       on a full shard are kept as excess, which steers the node to the missing shards, up to
 *       {@link #EXCESS_PER_SHARD} per shard, and closed once the pool is full (or all closed at
 *       the bound, to try again after a backoff);</li>
 *   <li>a change of the shard count (the node restarted on other hardware) starts the pool again.</li>
 * </ul>
 *
 * <p>A pool knows its node by address only, and holds what is live about the node: connections,
 * the requests sent to it and to each shard, and values a layer above keeps per node
 * ({@link PoolLocal}).
 */
public final class NodePool {
    private static final Logger log = LoggerFactory.getLogger(NodePool.class);
    private static final Object[] NO_LOCALS = new Object[0];

    /** How long port selection stays off after the shard-aware port failed or a NAT was seen. */
    static final long PORT_SELECTION_BACKOFF_NANOS = TimeUnit.MINUTES.toNanos(5);
    /** Spare regular-port connections kept per shard while filling (other drivers' users met hundreds at 10 per shard). */
    static final int EXCESS_PER_SHARD = 2;
    /** Local ports tried per shard-aware connection before falling back to the regular port. */
    static final int PORT_ATTEMPTS = 32;

    /**
     * The connections as requests see them: every one, and by shard when the node is sharded,
     * with the per-shard request counters.
     */
    record Slots(Connection[] all, Sharding sharding, Connection[][] byShard, LongAdder[] shardRequests) {
        static final Slots EMPTY = new Slots(new Connection[0], null, null, null);

        static Slots sharded(Sharding sharding) {
            Connection[][] byShard = new Connection[sharding.shards()][];
            LongAdder[] counters = new LongAdder[sharding.shards()];
            for (int i = 0; i < byShard.length; i++) {
                byShard[i] = new Connection[0];
                counters[i] = new LongAdder();
            }
            return new Slots(new Connection[0], sharding, byShard, counters);
        }

        Slots with(Connection c, int shard) {
            Connection[] all2 = append(all, c);
            if (shard < 0) return new Slots(all2, sharding, byShard, shardRequests);
            Connection[][] byShard2 = byShard.clone();
            byShard2[shard] = append(byShard[shard], c);
            return new Slots(all2, sharding, byShard2, shardRequests);
        }

        Slots without(Connection c) {
            if (indexOf(all, c) < 0) return this;
            Connection[][] byShard2 = byShard;
            if (byShard != null) {
                byShard2 = byShard.clone();
                for (int i = 0; i < byShard2.length; i++) byShard2[i] = remove(byShard2[i], c);
            }
            return new Slots(remove(all, c), sharding, byShard2, shardRequests);
        }

        private static Connection[] append(Connection[] cs, Connection c) {
            Connection[] next = Arrays.copyOf(cs, cs.length + 1);
            next[cs.length] = c;
            return next;
        }

        private static Connection[] remove(Connection[] cs, Connection c) {
            int i = indexOf(cs, c);
            if (i < 0) return cs;
            Connection[] next = new Connection[cs.length - 1];
            System.arraycopy(cs, 0, next, 0, i);
            System.arraycopy(cs, i + 1, next, i, cs.length - i - 1);
            return next;
        }

        private static int indexOf(Connection[] cs, Connection c) {
            for (int i = 0; i < cs.length; i++) if (cs[i] == c) return i;
            return -1;
        }
    }

    private final InetSocketAddress address;
    private final String name;
    private final ConnectionFactory factory;
    private final int size;
    private final EventExecutor scheduler;
    private final PoolListener listener;
    private final ReconnectionPolicy reconnection;
    private final ShardAwareness awareness;
    private final boolean tls;
    private volatile Slots slots = Slots.EMPTY;
    private volatile String keyspace;
    private volatile boolean closed;
    private final LongAdder requests = new LongAdder();
    private final LongAdder otherShard = new LongAdder();
    volatile Object[] locals = NO_LOCALS; // PoolLocal values by slot; copy-on-write
    private final CompletableFuture<Void> filled = new CompletableFuture<>();

    // Filling, guarded by this.
    private ReconnectionPolicy.Schedule schedule; // null between episodes
    private boolean reconnectScheduled;
    private boolean unsharded;                    // a connection said the node has no shards
    private int generation;                       // bumped when the sharding changes: older attempts no longer count
    private int openingRegular;
    private int[] openingForShard = new int[0];
    private final List<Connection> excess = new ArrayList<>();
    private int shardAwarePort;                   // 0 when the node announces none (or none for TLS)
    private long portSelectionOffUntil;           // System.nanoTime(); 0 when on
    private boolean excessBackoff;                // the excess bound was hit: regular-port fills wait for the next reconnect
    private Throwable lastError;
    private String lastShardingProblem;

    /**
     * @param name   the node as logs name it
     * @param size   connections per shard (per node when the node is not sharded)
     * @param listener told, with the address, when the pool gains its first connection or loses its last, and the shards it found
     */
    public NodePool(InetSocketAddress address, String name, ConnectionFactory factory, int size, String keyspace,
                    EventExecutor scheduler, ReconnectionPolicy reconnection, PoolListener listener,
                    ShardAwareness awareness) {
        this.address = address;
        this.name = name;
        this.reconnection = reconnection;
        this.factory = factory;
        this.size = size;
        this.keyspace = keyspace;
        this.scheduler = scheduler;
        this.listener = listener;
        this.awareness = awareness;
        this.tls = factory != null && factory.options().ssl() != null;
    }

    /**
     * Opens the connections; completes once the pool is full, or every attempt so far ended
     * (failing if none succeeded). Later attempts go on in the background.
     */
    public CompletableFuture<Void> init() {
        fill();
        return filled;
    }

    // ---- what requests use

    /** The least busy open connection, or null when none is open. */
    public Connection next() {
        Connection[] cs = slots.all;
        if (cs.length == 1) return cs[0].isOpen() ? cs[0] : null; // no need to read the busy in-flight counter
        return leastBusy(cs);
    }

    /**
     * The least busy open connection of {@code shard} (counted as a request to it), else of any
     * shard (counted as sent to another shard); null when none is open. A negative shard, or an
     * unsharded node, means any connection.
     */
    public Connection next(int shard) {
        Slots s = slots;
        if (shard < 0 || s.byShard == null || shard >= s.byShard.length) return next();
        Connection c = leastBusy(s.byShard[shard]);
        if (c != null) {
            s.shardRequests[shard].increment();
            return c;
        }
        otherShard.increment();
        return leastBusy(s.all);
    }

    private static Connection leastBusy(Connection[] cs) {
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

    /** The ScyllaDB protocol extensions the node's connections took up (the same on every one); none before any is open. */
    public io.jsylla.internal.protocol.ScyllaExtensions extensions() {
        Connection[] cs = slots.all;
        return cs.length == 0 ? io.jsylla.internal.protocol.ScyllaExtensions.NONE : cs[0].extensions();
    }

    /** How the node splits tokens among its shards, or null when it is not sharded (or not known yet). */
    public Sharding sharding() {
        return slots.sharding;
    }

    // ---- filling

    /** Starts the connections the pool misses, as its knowledge of the node allows. */
    private void fill() {
        List<Runnable> starts = new ArrayList<>();
        synchronized (this) {
            if (closed) return;
            Slots s = slots;
            if (s.sharding == null) {
                int missing = unsharded ? size - s.all.length - openingRegular
                        : s.all.length + openingRegular == 0 ? 1 : 0; // one first, to learn the node's sharding
                for (int i = 0; i < missing; i++) {
                    openingRegular++;
                    starts.add(this::openRegular);
                }
            } else {
                boolean aware = portSelectionOn();
                int throughRegular = 0;
                for (int shard = 0; shard < s.byShard.length; shard++) {
                    int missing = size - s.byShard[shard].length - openingForShard[shard];
                    for (int i = 0; i < missing; i++) {
                        if (aware) {
                            openingForShard[shard]++;
                            int sh = shard;
                            int gen = generation;
                            int start = ThreadLocalRandom.current().nextInt(Math.max(1, awareness.portsFor(shard, s.byShard.length)));
                            starts.add(() -> openAware(sh, gen, start, 0));
                        } else {
                            throughRegular++;
                        }
                    }
                }
                if (excessBackoff) throughRegular = 0; // other clients' connections may steer ours to full shards: not in a loop
                for (int i = openingRegular; i < throughRegular; i++) {
                    openingRegular++;
                    starts.add(this::openRegular);
                }
            }
        }
        starts.forEach(Runnable::run);
    }

    private boolean portSelectionOn() {
        return awareness.enabled() && shardAwarePort > 0
                && (portSelectionOffUntil == 0 || System.nanoTime() - portSelectionOffUntil >= 0);
    }

    private void openRegular() {
        String ks = keyspace;
        factory.connect(Endpoint.of(address), ks, List.of()).whenComplete((c, e) -> {
            if (e != null) failed(e, -1, 0, 0, 0);
            else connected(c, -1, 0, ks);
        });
    }

    /** A connection to the shard-aware port from the {@code attempt}-th local port of {@code shard}'s class. */
    private void openAware(int shard, int gen, int start, int attempt) {
        int shards;
        int port;
        synchronized (this) {
            if (gen != generation || closed) return;
            shards = slots.byShard.length;
            port = shardAwarePort;
        }
        InetSocketAddress local = awareness.localFor(shard, shards, start, attempt);
        if (local == null || port == 0) {
            failed(new LocalPortUnavailableExhausted(shard), shard, gen, start, PORT_ATTEMPTS);
            return;
        }
        String ks = keyspace;
        Endpoint endpoint = new Endpoint(address, new InetSocketAddress(address.getAddress(), port), local);
        factory.connect(endpoint, ks, List.of()).whenComplete((c, e) -> {
            if (e != null) failed(e, shard, gen, start, attempt + 1);
            else connected(c, shard, gen, ks);
        });
    }

    /** No local port of the range could be had for a shard. */
    private static final class LocalPortUnavailableExhausted extends RuntimeException {
        LocalPortUnavailableExhausted(int shard) {
            super("no local port for shard " + shard + " could be bound", null, false, false);
        }
    }

    private void failed(Throwable error, int shard, int gen, int start, int attempts) {
        boolean retryPort = false;
        synchronized (this) {
            lastError = error;
            if (shard >= 0 && gen == generation) {
                if (error instanceof LocalPortUnavailableException && attempts < PORT_ATTEMPTS
                        && attempts < awareness.portsFor(shard, openingForShard.length) && !closed) {
                    retryPort = true; // the slot stays counted as opening
                } else {
                    openingForShard[shard]--;
                    if (portSelectionOn()) {
                        portSelectionOffUntil = System.nanoTime() + PORT_SELECTION_BACKOFF_NANOS;
                        log.info("{}: shard-aware port {} failed ({}); filling the pool through the regular port for {} minutes",
                                name, shardAwarePort, error.getMessage(), TimeUnit.NANOSECONDS.toMinutes(PORT_SELECTION_BACKOFF_NANOS));
                    }
                }
            } else if (shard < 0) {
                openingRegular--;
            }
        }
        if (retryPort) {
            openAware(shard, gen, start, attempts);
            return;
        }
        log.debug("{}: connection failed: {}", name, error.toString());
        if (shard >= 0) fill(); // at once through the regular port
        else scheduleReconnect();
        checkFilled();
    }

    /** A connection is ready: its own SUPPORTED says which shard it got. */
    private void connected(Connection c, int wantedShard, int gen, String ks) {
        ShardingOptions.Parsed parsed = awareness.enabled() ? ShardingOptions.parse(c.supported()) : new ShardingOptions.Parsed(null, null);
        List<Connection> toClose = new ArrayList<>();
        boolean first = false;
        Sharding shardsBefore = slots.sharding;
        synchronized (this) {
            if (wantedShard >= 0) {
                if (gen == generation) openingForShard[wantedShard]--;
            } else {
                openingRegular--;
            }
            if (closed) {
                toClose.add(c);
            } else if (parsed.options() == null) {
                if (parsed.problem() != null && !parsed.problem().equals(lastShardingProblem)) {
                    lastShardingProblem = parsed.problem();
                    log.warn("{}: the node's sharding options are inconsistent ({}); not using shards", name, parsed.problem());
                }
                if (slots.sharding != null) toClose.addAll(restart(null));
                unsharded = true;
                if (slots.all.length < size) {
                    first = slots.all.length == 0;
                    slots = slots.with(c, -1);
                } else {
                    toClose.add(c);
                }
            } else {
                ShardingOptions o = parsed.options();
                Sharding announced = new Sharding(o.shards(), o.ignoreMsb());
                if (!announced.equals(slots.sharding)) {
                    if (slots.sharding != null || unsharded) {
                        log.info("{}: the node now has {} shards (was {}); opening its connections again", name, o.shards(),
                                slots.sharding == null ? "none" : slots.sharding.shards());
                    }
                    toClose.addAll(restart(announced));
                }
                shardAwarePort = tls ? o.shardAwarePortSsl() : o.shardAwarePort();
                // An attempt made for another shard count (before a restart) says nothing of source ports.
                boolean judged = wantedShard >= 0 && gen == generation;
                if (judged && o.shard() != wantedShard && portSelectionOn()) {
                    portSelectionOffUntil = System.nanoTime() + PORT_SELECTION_BACKOFF_NANOS;
                    log.warn("{}: a connection from a port for shard {} got shard {}: something (a NAT?) rewrites source ports;"
                            + " filling the pool through the regular port for {} minutes", name, wantedShard, o.shard(),
                            TimeUnit.NANOSECONDS.toMinutes(PORT_SELECTION_BACKOFF_NANOS));
                }
                if (slots.byShard[o.shard()].length < size) {
                    first = slots.all.length == 0;
                    slots = slots.with(c, o.shard());
                } else if (wantedShard < 0 && excess.size() < EXCESS_PER_SHARD * o.shards()) {
                    excess.add(c); // steers the node's least-connected choice to the missing shards
                } else {
                    toClose.add(c);
                    if (wantedShard < 0) { // the excess bound: start over after a backoff
                        toClose.addAll(excess);
                        excess.clear();
                        excessBackoff = true;
                    }
                }
                if (full()) {
                    toClose.addAll(excess);
                    excess.clear();
                    schedule = null;
                }
            }
        }
        if (shardsBefore != slots.sharding) listener.shards(address, shardCount());
        for (Connection x : toClose) x.closeGracefully();
        if (!toClose.contains(c)) { // kept, or spare
            c.closeFuture().thenRun(() -> removed(c));
            String wanted = keyspace;
            if (wanted != null && !wanted.equals(ks)) use(c, wanted);
        }
        if (first) listener.up(address, true);
        fill();
        if (!full()) scheduleReconnect();
        checkFilled();
    }

    /** Starts over for another sharding (null: none); returns the connections to close. Guarded by this. */
    private List<Connection> restart(Sharding sharding) {
        List<Connection> old = new ArrayList<>(List.of(slots.all));
        old.addAll(excess);
        excess.clear();
        generation++;
        slots = sharding == null ? Slots.EMPTY : Slots.sharded(sharding);
        openingForShard = new int[sharding == null ? 0 : sharding.shards()];
        unsharded = sharding == null;
        return old;
    }

    /** Whether every shard (or the node) has its connections. */
    private synchronized boolean full() {
        Slots s = slots;
        if (s.byShard == null) return unsharded && s.all.length >= size;
        for (Connection[] shard : s.byShard) if (shard.length < size) return false;
        return true;
    }

    private synchronized boolean opening() {
        if (openingRegular > 0) return true;
        for (int n : openingForShard) if (n > 0) return true;
        return false;
    }

    /** Completes {@link #init}'s future once the pool is full or nothing is being opened any more. */
    private void checkFilled() {
        if (filled.isDone() || !(full() || !opening())) return;
        if (slots.all.length > 0 || full()) {
            filled.complete(null);
        } else {
            Throwable e;
            synchronized (this) {
                e = lastError;
            }
            filled.completeExceptionally(e != null ? e : new IllegalStateException(name + ": no connection could be opened"));
        }
    }

    private void removed(Connection c) {
        boolean last;
        synchronized (this) {
            Slots before = slots;
            slots = before.without(c);
            if (slots == before) {
                excess.remove(c);
                return;
            }
            last = slots.all.length == 0;
        }
        if (closed) return;
        log.debug("{}: connection closed; {} left", name, slots.all.length);
        if (last) listener.up(address, false);
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        long delay;
        synchronized (this) {
            if (closed || reconnectScheduled || full() || opening()) return;
            reconnectScheduled = true;
            if (schedule == null) schedule = reconnection.newSchedule();
            delay = schedule.nextDelay().toMillis();
        }
        scheduler.schedule(this::reconnect, delay, TimeUnit.MILLISECONDS);
    }

    private void reconnect() {
        synchronized (this) {
            reconnectScheduled = false;
            excessBackoff = false;
            if (closed) return;
        }
        fill();
        if (!opening()) scheduleReconnect();
    }

    /** Tries now (a node reported up) instead of waiting for the next scheduled attempt. */
    public void reconnectNow() {
        synchronized (this) {
            schedule = null;
            excessBackoff = false;
        }
        fill();
    }

    // ---- the rest

    /** Every open connection, for the few operations that touch them all. */
    public List<Connection> connections() {
        return List.of(slots.all);
    }

    /** Switches every connection, and those opened later, to a keyspace (a CQL identifier). */
    public CompletableFuture<Void> useKeyspace(String ks) {
        keyspace = ks;
        List<Connection> all;
        synchronized (this) {
            all = new ArrayList<>(List.of(slots.all));
            all.addAll(excess);
        }
        return CompletableFuture.allOf(all.stream().map(c -> use(c, ks)).toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<?> use(Connection c, String ks) {
        return c.send(new Query("USE " + ks, QueryParameters.of(Consistency.ONE, Values.NONE)),
                System.nanoTime() + TimeUnit.SECONDS.toNanos(12));
    }

    public int openConnections() {
        return slots.all.length;
    }

    public int inFlight() {
        int n = 0;
        for (Connection c : slots.all) n += c.inFlight();
        return n;
    }

    /** The node's shard count, once a connection said it; empty for a node without shards. */
    public OptionalInt shardCount() {
        Sharding s = slots.sharding;
        return s == null ? OptionalInt.empty() : OptionalInt.of(s.shards());
    }

    /** Open connections per shard, by shard; empty for a node without shards. */
    public int[] connectionsPerShard() {
        Connection[][] byShard = slots.byShard;
        if (byShard == null) return new int[0];
        int[] out = new int[byShard.length];
        for (int i = 0; i < out.length; i++) out[i] = byShard[i].length;
        return out;
    }

    /** Requests sent to a connection of their token's shard, by shard; empty for a node without shards. */
    public long[] requestsPerShard() {
        LongAdder[] counters = slots.shardRequests;
        if (counters == null) return new long[0];
        long[] out = new long[counters.length];
        for (int i = 0; i < out.length; i++) out[i] = counters[i].sum();
        return out;
    }

    /** Requests with a shard that had no open connection, sent to another shard's. */
    public long requestsToOtherShard() {
        return otherShard.sum();
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
        List<Connection> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(List.of(slots.all));
            all.addAll(excess);
            excess.clear();
        }
        filled.completeExceptionally(new IllegalStateException(name + ": pool closed"));
        return CompletableFuture.allOf(all.stream().map(Connection::closeGracefully).toArray(CompletableFuture[]::new));
    }

    /** The node's address: the pool's key, and its identity. */
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public String toString() {
        Slots s = slots;
        return "NodePool[" + name + ", " + s.all.length + " open" + (s.sharding == null ? "/" + size
                : " over " + s.sharding.shards() + " shards " + Arrays.toString(connectionsPerShard())) + ", " + inFlight()
                + " in flight]";
    }
}
