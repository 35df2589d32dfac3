package io.jsylla.testing;

import io.jsylla.Consistency;
import io.jsylla.NodeInfo;
import io.jsylla.SessionBuilder;
import io.jsylla.policies.ClusterView;
import io.jsylla.policies.LoadBalancingPolicy;
import io.jsylla.policies.RequestInfo;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A cluster of {@link ScriptedNode}s on 127.0.0.1, 127.0.0.2... (one free port each, advertised
 * in {@code system.peers_v2}), one datacenter, recording every request each node receives in
 * one arrival order.
 */
public final class ScriptedCluster implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final List<ScriptedNode> nodes = new ArrayList<>();
    private final List<Received> log = new CopyOnWriteArrayList<>();
    private final AtomicLong seq = new AtomicLong();
    private final Map<String, String> statements = new ConcurrentHashMap<>();

    private ScriptedCluster() {}

    /** Starts {@code size} nodes: node i on 127.0.0.i. */
    public static ScriptedCluster start(int size) {
        ScriptedCluster c = new ScriptedCluster();
        try {
            for (int i = 1; i <= size; i++) {
                InetAddress ip = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) i});
                c.nodes.add(new ScriptedNode(c, i, new InetSocketAddress(ip, 0)));
            }
        } catch (UnknownHostException | RuntimeException e) {
            c.close();
            throw new IllegalStateException("cannot start the scripted cluster: " + e, e);
        }
        return c;
    }

    /** Node {@code i}, 1-based. */
    public ScriptedNode node(int i) {
        return nodes.get(i - 1);
    }

    public List<ScriptedNode> nodes() {
        return List.copyOf(nodes);
    }

    /**
     * A builder for a session on this cluster: the first node as contact point, protocol v4, one
     * connection per node, a 2 s request timeout, and {@link #inOrder() plans in node order}.
     */
    public SessionBuilder sessionBuilder() {
        return SessionBuilder.create().knownNode(node(1).contactPoint()).protocolVersion(4).poolSize(1)
                .localDatacenter(SystemTables.DATACENTER).requestTimeout(Duration.ofSeconds(2))
                .connectionTimeout(Duration.ofSeconds(5)).loadBalancingPolicy(inOrder());
    }

    /** Every request's plan is node1, node2, node3...: who is tried next is never a guess. */
    public static LoadBalancingPolicy inOrder() {
        return new LoadBalancingPolicy() {
            @Override
            public Iterator<NodeInfo> newQueryPlan(RequestInfo request, ClusterView cluster) {
                List<NodeInfo> plan = new ArrayList<>(cluster.nodes());
                plan.sort(Comparator.comparing((NodeInfo n) -> HexFormat.of().formatHex(n.address().getAddress().getAddress()))
                        .thenComparingInt(n -> n.address().getPort()));
                return plan.iterator();
            }

            @Override
            public String toString() {
                return "ScriptedCluster.inOrder()";
            }
        };
    }

    /** The requests that are not the driver's own traffic (handshake, system tables), in arrival order. */
    public List<Received> requests() {
        return log.stream().filter(r -> !r.system()).toList();
    }

    /** {@link #requests()} as summaries: "node1 QUERY ONE", "node2 EXECUTE QUORUM"... */
    public List<String> summaries() {
        return requests().stream().map(Received::summary).toList();
    }

    /** Everything received, the driver's own traffic included. */
    public List<Received> everything() {
        return List.copyOf(log);
    }

    /** Forgets what was received so far (after the session is built, say). */
    public void clearRequests() {
        log.clear();
    }

    Received record(int node, InetSocketAddress address, String opcode, String cql, Consistency cl, boolean system,
                    int connection) {
        Received r = new Received(seq.incrementAndGet(), node, address, opcode, cql, cl, system, connection,
                System.nanoTime());
        log.add(r);
        return r;
    }

    void known(byte[] id, String cql) {
        statements.put(HexFormat.of().formatHex(id), cql);
    }

    String known(byte[] id) {
        return statements.get(HexFormat.of().formatHex(id));
    }

    EventLoopGroup group() {
        return group;
    }

    @Override
    public void close() {
        for (ScriptedNode n : nodes) {
            try {
                n.stop();
            } catch (RuntimeException e) {
                // closing anyway
            }
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
