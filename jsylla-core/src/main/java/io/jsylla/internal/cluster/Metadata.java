package io.jsylla.internal.cluster;

import io.jsylla.ClusterData;
import io.jsylla.KeyspaceMetadata;
import io.jsylla.NodeInfo;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import io.jsylla.internal.routing.Partitioner;
import io.jsylla.internal.routing.TokenMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the driver knows of the cluster, each part an immutable value swapped whole, so readers
 * never lock and never see half an update.
 */
public final class Metadata {
    private static final Logger log = LoggerFactory.getLogger(Metadata.class);

    private final AtomicLong stateVersion = new AtomicLong();
    private volatile Map<InetSocketAddress, Node> nodes = Map.of();
    private volatile Map<String, KeyspaceMetadata> keyspaces = Map.of();
    private volatile String clusterName = "";
    private volatile String partitioner = "";
    private volatile TokenMap<Node> tokenMap;

    /** A new node belonging to this metadata (its changes bump the shared state version). */
    Node newNode(InetSocketAddress address) {
        return new Node(address, stateVersion);
    }

    /** Changes whenever a node is added, removed, or changes state. */
    public long stateVersion() {
        return stateVersion.get();
    }

    /** Replica placement, or null before the ring is known (or if the partitioner is unknown). */
    public TokenMap<Node> tokenMap() {
        return tokenMap;
    }

    /** Rebuilds replica placement from the current ring and schema. */
    void rebuildTokenMap() {
        Map<Node, List<String>> tokens = new HashMap<>();
        for (Node n : nodes.values()) if (!n.tokens().isEmpty()) tokens.put(n, n.tokens());
        if (tokens.isEmpty() || partitioner.isEmpty()) return;
        Map<String, Map<String, String>> replication = new HashMap<>();
        for (KeyspaceMetadata k : keyspaces.values()) replication.put(k.name(), k.replication());
        try {
            tokenMap = TokenMap.build(Partitioner.forClassName(partitioner), tokens, Node::datacenter, Node::rack, replication);
        } catch (RuntimeException e) {
            log.warn("No token-aware routing: cannot build the token map ({})", e.getMessage());
            tokenMap = null;
        }
    }

    public Collection<Node> nodes() {
        return nodes.values();
    }

    public Node node(InetSocketAddress address) {
        return nodes.get(address);
    }

    void nodes(Map<InetSocketAddress, Node> nodes) {
        this.nodes = Map.copyOf(nodes);
        stateVersion.incrementAndGet();
        rebuildTokenMap();
    }

    Map<InetSocketAddress, Node> nodeMap() {
        return nodes;
    }

    public Map<String, KeyspaceMetadata> keyspaces() {
        return keyspaces;
    }

    void keyspaces(Map<String, KeyspaceMetadata> keyspaces) {
        this.keyspaces = Map.copyOf(keyspaces);
        rebuildTokenMap();
    }

    void cluster(String name, String partitioner) {
        this.clusterName = name;
        this.partitioner = partitioner;
    }

    public ClusterData snapshot() {
        List<NodeInfo> infos = nodes.values().stream().map(Node::info)
                .sorted((a, b) -> a.address().toString().compareTo(b.address().toString())).toList();
        return new ClusterSnapshot(clusterName, partitioner, infos, new java.util.TreeMap<>(keyspaces), tokenMap);
    }
}
