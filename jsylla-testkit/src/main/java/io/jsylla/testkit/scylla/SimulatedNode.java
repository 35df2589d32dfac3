package io.jsylla.testkit.scylla;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * One simulated ScyllaDB node in front of one real node: a regular port and a shard-aware port,
 * each client connection bound to a shard and forwarded, frame by frame, over its own upstream
 * connection. Its switches act on connections made after the change.
 */
public final class SimulatedNode implements AutoCloseable {
    private final int index;
    private final InetSocketAddress upstream;
    private final InetAddress bindAddress;
    private final EventLoopGroup group;
    private final SupportedOptions supported;
    private final PreparedShapes shapes = new PreparedShapes();
    private final ShardStats stats = new ShardStats();
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final ReplicaLookup replicas;
    private final ShardSimulatorTls tls;
    private volatile DiscoveryRewriter discovery = new DiscoveryRewriter(java.util.Map.of());
    private final Channel regular;
    private final int shardAwarePort;
    private volatile Channel shardAware;
    private volatile int shards;
    private volatile int ignoreMsb;
    private volatile Duration crossShardPenalty;
    private volatile boolean shardingKeys;
    private volatile boolean nat;
    private volatile boolean rateLimitErrors;
    private volatile boolean lwtMark;
    private final RateLimitErrors rateLimiter = new RateLimitErrors();

    /**
     * Binds both ports at once (0 for a free one); throws when either is taken.
     *
     * @param tls null for plain CQL; else both ports speak TLS only, and the upstream as {@code tls} says
     */
    SimulatedNode(int index, InetSocketAddress upstream, InetAddress bindAddress, int port, int shardAwarePort,
                  ShardSimulatorOptions options, SupportedOptions supported, ReplicaLookup replicas, EventLoopGroup group,
                  ShardSimulatorTls tls) {
        this.index = index;
        this.upstream = upstream;
        this.bindAddress = bindAddress;
        this.group = group;
        this.supported = supported;
        this.replicas = replicas;
        this.tls = tls;
        this.shards = options.shards();
        this.ignoreMsb = options.ignoreMsb();
        this.crossShardPenalty = options.crossShardPenalty();
        this.shardingKeys = options.shardingKeys();
        this.nat = options.nat();
        this.rateLimitErrors = options.rateLimitErrors();
        this.lwtMark = options.lwtMark();
        this.regular = bind(port, false);
        try {
            this.shardAware = bind(shardAwarePort, true);
        } catch (RuntimeException e) {
            regular.close().syncUninterruptibly();
            throw e;
        }
        this.shardAwarePort = ((InetSocketAddress) shardAware.localAddress()).getPort();
    }

    private Channel bind(int port, boolean shardAwarePort) {
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                // Nothing is read from a client until its upstream connection is up.
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        // TLS first: frames are read from the decrypted stream, as the real node would read them.
                        if (tls != null) ch.pipeline().addLast(tls.clientSide(ch.alloc()));
                        ch.pipeline().addLast(frameDecoder(), new ClientConnection(SimulatedNode.this, shardAwarePort));
                    }
                });
        return b.bind(bindAddress, port).syncUninterruptibly().channel();
    }

    /** Splits the byte stream into whole frames: 9-byte header, body length at bytes 5..8. */
    static LengthFieldBasedFrameDecoder frameDecoder() {
        return new LengthFieldBasedFrameDecoder(Frames.HEADER + Frames.MAX_BODY, 5, 4, 0, 0);
    }

    /** The shard a new connection lands on, counted as open there from now on. */
    synchronized ConnectionShard accept(boolean onShardAwarePort, int sourcePort) {
        int n = shards;
        int[] open = new int[n];
        for (int s = 0; s < n; s++) open[s] = stats.openConnections(s);
        int shard = ShardAssigner.assign(n, open, onShardAwarePort, sourcePort, nat);
        stats.opened(shard, onShardAwarePort);
        return new ConnectionShard(shard, n, ignoreMsb);
    }

    /** A connection's shard and the sharding it was told about in SUPPORTED. */
    record ConnectionShard(int shard, int shards, int ignoreMsb) {}

    byte[] supportedBody(ConnectionShard c) {
        return supported.body(c.shard(), c.shards(), c.ignoreMsb(), shardingKeys, shardAwarePort, tls != null,
                rateLimitErrors, lwtMark);
    }

    /** Whether {@code SCYLLA_RATE_LIMIT_ERROR} is offered now: a STARTUP naming it negotiates it. */
    boolean offersRateLimitErrors() {
        return rateLimitErrors;
    }

    /** Whether {@code SCYLLA_LWT_ADD_METADATA_MARK} is offered now: a STARTUP naming it negotiates it. */
    boolean offersLwtMark() {
        return lwtMark;
    }

    RateLimitErrors rateLimiter() {
        return rateLimiter;
    }

    /** Whether this node is the token's primary replica (first in ring order); null when unknown. */
    Boolean isPrimary(String keyspace, long token) {
        return replicas == null || keyspace == null ? null : replicas.isPrimary(index, keyspace, token);
    }

    /** Whether this node is a replica of the token; null when unknown. */
    Boolean isReplica(String keyspace, long token) {
        return replicas == null || keyspace == null ? null : replicas.isReplica(index, keyspace, token);
    }

    /** Client and upstream channels, closed with the node. */
    ChannelGroup connections() {
        return connections;
    }

    ReplicaLookup replicaLookup() {
        return replicas;
    }

    PreparedShapes shapes() {
        return shapes;
    }

    DiscoveryRewriter discovery() {
        return discovery;
    }

    void discovery(DiscoveryRewriter rewriter) {
        this.discovery = rewriter;
    }

    InetSocketAddress upstream() {
        return upstream;
    }

    /** How this node speaks TLS; null for plain CQL. */
    ShardSimulatorTls tls() {
        return tls;
    }

    /** Whether both ports speak TLS only (then SUPPORTED names the shard-aware port as the SSL one too). */
    public boolean isTls() {
        return tls != null;
    }

    Duration crossShardPenalty() {
        return crossShardPenalty;
    }

    /** The node's number among the simulator's nodes, from 1 (as the kit numbers nodes). */
    public int index() {
        return index;
    }

    /** The regular port's address: the contact point. */
    public InetSocketAddress address() {
        return (InetSocketAddress) regular.localAddress();
    }

    /** {@code host:port} of {@link #address()}. */
    public String contactPoint() {
        return address().getAddress().getHostAddress() + ":" + address().getPort();
    }

    /** The shard-aware port's address (announced in SUPPORTED even while closed). */
    public InetSocketAddress shardAwareAddress() {
        return new InetSocketAddress(address().getAddress(), shardAwarePort);
    }

    public ShardStats stats() {
        return stats;
    }

    public int shards() {
        return shards;
    }

    /** Changes the shard count for new connections; open ones keep the count they were told. */
    public synchronized void shards(int shards) {
        if (shards < 1 || shards > 1024) throw new IllegalArgumentException("shards must be 1..1024: " + shards);
        this.shards = shards;
    }

    public void ignoreMsb(int ignoreMsb) {
        if (ignoreMsb < 0 || ignoreMsb > 63) throw new IllegalArgumentException("ignoreMsb must be 0..63: " + ignoreMsb);
        this.ignoreMsb = ignoreMsb;
    }

    /** Sets the delay charged to each shard miss before it is forwarded; zero for none. */
    public void crossShardPenalty(Duration penalty) {
        if (penalty.isNegative()) throw new IllegalArgumentException("negative penalty " + penalty);
        this.crossShardPenalty = penalty;
    }

    /**
     * Off: answer OPTIONS without ScyllaDB's sharding keys, as plain Cassandra would (the
     * extensions' keys have their own switches, {@link #rateLimitErrors} and {@link #lwtMark}).
     */
    public void shardingKeys(boolean on) {
        this.shardingKeys = on;
    }

    /**
     * Offers (true, the default) or stops offering {@code SCYLLA_RATE_LIMIT_ERROR} in SUPPORTED.
     * Acts on connections started after the change: a connection whose STARTUP named the key while
     * it was offered gets forged rate limit errors in ScyllaDB's format, any other a Config_error.
     */
    public void rateLimitErrors(boolean on) {
        this.rateLimitErrors = on;
    }

    /**
     * Offers (true, the default) or stops offering {@code SCYLLA_LWT_ADD_METADATA_MARK} in
     * SUPPORTED. Acts on connections started after the change: a connection whose STARTUP named
     * the key while it was offered gets bit 31 set in the bind-variables metadata flags of the
     * PREPARED answers of conditional statements.
     */
    public void lwtMark(boolean on) {
        this.lwtMark = on;
    }

    /**
     * Rejects a share of requests from now on, as ScyllaDB's per-partition rate limiter would: each
     * QUERY or EXECUTE of a read (SELECT) when {@code reads}, of a write (INSERT, UPDATE, DELETE)
     * or any BATCH when {@code writes}, is rejected with probability {@code fraction} (a seeded
     * draw, see {@link #rateLimitSeed}). A rejected request is not forwarded: the node answers it
     * on the same stream with a rate limit error ({@code op_type} 0 read, 1 write, and
     * {@code rejected_by_coordinator} as given) on connections that negotiated
     * {@code SCYLLA_RATE_LIMIT_ERROR}, else with a Config_error; {@link ShardStats#rateLimitErrors}
     * counts them. Statements whose kind is unknown (an EXECUTE of an id whose PREPARE was not
     * seen, compressed frames, schema statements) are never rejected. {@code fraction} 0 turns it off.
     */
    public void rateLimit(double fraction, boolean reads, boolean writes, boolean rejectedByCoordinator) {
        rateLimiter.set(new RateLimitErrors.Setting(fraction, reads, writes, rejectedByCoordinator));
    }

    /** Stops rejecting requests: {@code rateLimit(0, false, false, false)}. */
    public void rateLimitOff() {
        rateLimiter.set(RateLimitErrors.Setting.OFF);
    }

    /**
     * Restarts the random sequence that picks the rejected requests (each node starts from one
     * fixed seed): the same seed and the same sequence of eligible requests reject the same ones.
     */
    public void rateLimitSeed(long seed) {
        rateLimiter.seed(seed);
    }

    /** On: the shard-aware port ignores source ports (least-connected shard), as behind a NAT. */
    public void nat(boolean on) {
        this.nat = on;
    }

    /**
     * Closes (false) or reopens (true) the shard-aware port: a firewalled port, while SUPPORTED
     * still announces it. Open connections stay.
     */
    public synchronized void shardAwarePortOpen(boolean open) {
        if (open == isShardAwarePortOpen()) return;
        if (open) {
            shardAware = bind(shardAwarePort, true);
        } else {
            shardAware.close().syncUninterruptibly();
            awaitRefused(shardAwareAddress());
        }
    }

    /**
     * Waits (at most 2 s) until connections to a port just closed are refused: the JDK closes a
     * listening socket still registered with a selector only once the selector lets it go, and
     * until then the kernel keeps accepting, then resetting, connections to it.
     */
    private static void awaitRefused(InetSocketAddress address) {
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < end) {
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(address, 200);
            } catch (java.io.IOException refused) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public boolean isShardAwarePortOpen() {
        return shardAware.isOpen();
    }

    /**
     * Closes every open connection, client and upstream, while the ports stay open: what clients
     * see of a node restart (after {@link #shards(int)}, of a restart on other hardware).
     */
    public void dropConnections() {
        connections.close().syncUninterruptibly();
    }

    @Override
    public void close() {
        regular.close().syncUninterruptibly();
        shardAware.close().syncUninterruptibly();
        connections.close().syncUninterruptibly();
    }

    @Override
    public String toString() {
        return "SimulatedNode[" + index + " " + contactPoint() + (tls != null ? " TLS" : "") + " (shard-aware " + shardAwarePort + ") -> "
                + upstream + ", " + shards + " shards]";
    }
}
