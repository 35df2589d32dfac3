package io.jsylla.testkit.scylla;

import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.CassandraNode;
import io.jsylla.testkit.CqlProbe;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Makes Cassandra nodes look like ScyllaDB nodes with shards, at the protocol level: one
 * {@link SimulatedNode} in front of each real node.
 *
 * <pre>{@code
 * try (CassandraCluster cluster = CassandraCluster.builder().nodes(1).build().start();
 *      ShardSimulator scylla = ShardSimulator.front(cluster, ShardSimulatorOptions.defaults().shards(8))) {
 *     // point a driver at scylla.contactPoints(), then:
 *     long misses = scylla.node(1).stats().shardMisses();
 * }
 * }</pre>
 */
public final class ShardSimulator implements AutoCloseable {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * A real node to put a simulated node in front of.
     *
     * @param address its CQL address
     * @param datacenter its datacenter and rack, and its tokens: its place in the ring, to count
     *                   requests sent to a non-replica
     * @param probe a logged-in probe to it, for its SUPPORTED options and keyspaces' replication
     */
    public record Upstream(InetSocketAddress address, String datacenter, String rack, List<Long> tokens,
                           Supplier<CqlProbe> probe) {}

    private final EventLoopGroup group;
    private final ExecutorService lookups;
    private final List<SimulatedNode> nodes;

    private ShardSimulator(List<Upstream> upstreams, ShardSimulatorOptions options, ShardSimulatorTls tls) {
        group = new MultiThreadIoEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
                new DefaultThreadFactory("shard-sim", true), NioIoHandler.newFactory());
        lookups = Executors.newSingleThreadExecutor(new DefaultThreadFactory("shard-sim-schema", true));
        List<SimulatedNode> started = new ArrayList<>();
        try {
            List<TokenRing.Member> members = new ArrayList<>();
            for (int i = 0; i < upstreams.size(); i++) {
                Upstream u = upstreams.get(i);
                members.add(new TokenRing.Member(i + 1, u.datacenter(), u.rack(), u.tokens()));
            }
            TokenRing ring = new TokenRing(members);
            int port = options.port(), shardAwarePort = options.shardAwarePort();
            for (int i = 0; i < upstreams.size(); i++) {
                Upstream u = upstreams.get(i);
                ReplicaLookup replicas = new ReplicaLookup(ring, keyspace -> readReplication(u.probe(), keyspace), lookups);
                SupportedOptions supported;
                try (CqlProbe probe = u.probe().get()) {
                    supported = new SupportedOptions(probe.options());
                }
                SimulatedNode node = startNode(i + 1, u, port, shardAwarePort, options, supported, replicas, options.port() == 0, tls);
                started.add(node);
                // Picked ports are reused for the next nodes when free there: one port for all, like a real cluster.
                port = node.address().getPort();
                shardAwarePort = node.shardAwareAddress().getPort();
            }
            Map<InetSocketAddress, InetSocketAddress> realToSimulated = new LinkedHashMap<>();
            for (int i = 0; i < upstreams.size(); i++) realToSimulated.put(upstreams.get(i).address(), started.get(i).address());
            DiscoveryRewriter rewriter = new DiscoveryRewriter(realToSimulated);
            started.forEach(n -> n.discovery(rewriter));
        } catch (RuntimeException e) {
            started.forEach(SimulatedNode::close);
            shutdown();
            throw e;
        }
        this.nodes = List.copyOf(started);
    }

    private SimulatedNode startNode(int index, Upstream u, int port, int shardAwarePort, ShardSimulatorOptions options,
                                   SupportedOptions supported, ReplicaLookup replicas, boolean portsPicked, ShardSimulatorTls tls) {
        InetAddress bind = u.address().getAddress();
        try {
            return new SimulatedNode(index, u.address(), bind, port, shardAwarePort, options, supported, replicas, group, tls);
        } catch (RuntimeException e) {
            if (!portsPicked || index == 1) throw e;
            return new SimulatedNode(index, u.address(), bind, 0, 0, options, supported, replicas, group, tls);
        }
    }

    /**
     * Starts a simulated node in front of each node of a running kit cluster, on each node's own
     * address. In front of a TLS cluster the simulated nodes speak TLS only, with the cluster's
     * material and mode ({@link ShardSimulatorTls}).
     */
    public static ShardSimulator front(CassandraCluster cluster, ShardSimulatorOptions options) {
        ShardSimulatorTls tls = cluster.tls().map(files -> ShardSimulatorTls.of(files, cluster.settings().tlsMode())).orElse(null);
        List<Upstream> upstreams = new ArrayList<>();
        for (CassandraNode n : cluster.nodes()) {
            upstreams.add(new Upstream(n.address(), n.datacenter(), n.rack(), n.tokens(), n::probe));
        }
        return new ShardSimulator(upstreams, options, tls);
    }

    /** Starts a simulated node in front of each given node (any Cassandra reachable without TLS). */
    public static ShardSimulator front(List<Upstream> upstreams, ShardSimulatorOptions options) {
        return new ShardSimulator(upstreams, options, null);
    }

    /**
     * Starts a simulated node in front of each given node, speaking TLS as {@code tls} says (null
     * for plain CQL); each probe must then reach its node as {@code tls} does.
     */
    public static ShardSimulator front(List<Upstream> upstreams, ShardSimulatorOptions options, ShardSimulatorTls tls) {
        return new ShardSimulator(upstreams, options, tls);
    }

    /** A probe supplier for a node without authentication, for {@link Upstream}. */
    public static Supplier<CqlProbe> plainProbe(InetSocketAddress address) {
        return () -> CqlProbe.connect(address, PROBE_TIMEOUT, null, null, null);
    }

    @SuppressWarnings("unchecked")
    private static Replication readReplication(Supplier<CqlProbe> probes, String keyspace) {
        try (CqlProbe probe = probes.get()) {
            List<Map<String, Object>> rows = probe.query("SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = '"
                    + keyspace.replace("'", "''") + "'");
            if (rows.isEmpty()) return null;
            Map<Object, Object> replication = (Map<Object, Object>) rows.get(0).get("replication");
            return Replication.parse(replication.entrySet().stream()
                    .collect(Collectors.toMap(e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue()))));
        }
    }

    public List<SimulatedNode> nodes() {
        return nodes;
    }

    /** Node by 1-based index, the index of the real node it fronts. */
    public SimulatedNode node(int index) {
        return nodes.get(index - 1);
    }

    /** The simulated nodes' regular addresses, for a driver's contact points. */
    public List<InetSocketAddress> contactPoints() {
        return nodes.stream().map(SimulatedNode::address).toList();
    }

    /** Shard misses over all nodes. */
    public long shardMisses() {
        return nodes.stream().mapToLong(n -> n.stats().shardMisses()).sum();
    }

    /** EXECUTEs whose shard was computed, over all nodes. */
    public long routedRequests() {
        return nodes.stream().mapToLong(n -> n.stats().routedRequests()).sum();
    }

    /** Routed EXECUTEs coordinated by a node that is not a replica, over all nodes. */
    public long nonReplicaRequests() {
        return nodes.stream().mapToLong(n -> n.stats().nonReplicaRequests()).sum();
    }

    /** Forged rate limit errors, over all nodes. */
    public long rateLimitErrors() {
        return nodes.stream().mapToLong(n -> n.stats().rateLimitErrors()).sum();
    }

    /** LWT EXECUTEs, over all nodes. */
    public long lwtRequests() {
        return nodes.stream().mapToLong(n -> n.stats().lwtRequests()).sum();
    }

    /** LWT EXECUTEs that arrived at their primary replica on the token's shard, over all nodes. */
    public long lwtAtPrimaryShard() {
        return nodes.stream().mapToLong(n -> n.stats().lwtAtPrimaryShard()).sum();
    }

    /** Resets every node's counters. */
    public void resetStats() {
        nodes.forEach(n -> n.stats().reset());
    }

    @Override
    public void close() {
        nodes.forEach(SimulatedNode::close);
        shutdown();
    }

    private void shutdown() {
        lookups.shutdownNow();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Override
    public String toString() {
        return "ShardSimulator" + nodes;
    }
}
