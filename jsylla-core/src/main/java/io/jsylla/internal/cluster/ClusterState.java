package io.jsylla.internal.cluster;

import io.jsylla.ClusterData;
import io.jsylla.KeyspaceMetadata;
import io.jsylla.NodeInfo;
import io.jsylla.internal.routing.Partitioner;
import io.jsylla.internal.routing.TokenMap;
import io.jsylla.internal.routing.TokenRing;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the driver knows of the cluster at one moment, as one immutable value: the nodes
 * (by address), the cluster's name and partitioner, the schema, and the token map built from
 * them. A change makes a new state ({@code with...}); {@link Metadata} publishes it whole, so a
 * reader holding a state sees every part of it from the same moment. It is also what users get
 * as {@link ClusterData}: a snapshot costs nothing.
 */
public final class ClusterState implements ClusterData {
    private static final Logger log = LoggerFactory.getLogger(ClusterState.class);
    private static final Comparator<InetSocketAddress> BY_ADDRESS = Comparator.comparing(InetSocketAddress::toString);

    /** Before the control connection read anything. */
    public static final ClusterState EMPTY = new ClusterState("", "", Map.of(), Map.of(), null);

    private final String clusterName;
    private final String partitioner;
    private final Map<InetSocketAddress, Node> nodes; // in address order
    private final List<NodeInfo> nodeInfos;           // the same, as users and policies see them
    private final Map<String, KeyspaceMetadata> keyspaces;
    private final TokenMap<NodeInfo> tokenMap;         // null before the ring is known, or if unusable

    private ClusterState(String clusterName, String partitioner, Map<InetSocketAddress, Node> nodes,
                         Map<String, KeyspaceMetadata> keyspaces, TokenRing<NodeInfo> ring) {
        this.clusterName = clusterName;
        this.partitioner = partitioner;
        List<InetSocketAddress> order = new ArrayList<>(nodes.keySet());
        order.sort(BY_ADDRESS);
        Map<InetSocketAddress, Node> sorted = new LinkedHashMap<>();
        List<NodeInfo> infos = new ArrayList<>(order.size());
        for (InetSocketAddress a : order) {
            Node n = nodes.get(a);
            sorted.put(a, n);
            infos.add(n.info());
        }
        this.nodes = Collections.unmodifiableMap(sorted);
        this.nodeInfos = List.copyOf(infos);
        this.keyspaces = Collections.unmodifiableMap(new TreeMap<>(keyspaces));
        this.tokenMap = buildTokenMap(ring);
    }

    /**
     * Replica placement over this state's nodes and schema, built now rather than on a reader's
     * first call: the state is complete once published. {@code ring}: the previous state's, when
     * only the schema changed.
     */
    private TokenMap<NodeInfo> buildTokenMap(TokenRing<NodeInfo> ring) {
        Map<String, Map<String, String>> replication = new HashMap<>();
        for (KeyspaceMetadata k : keyspaces.values()) replication.put(k.name(), k.replication());
        try {
            if (ring != null) return TokenMap.build(ring, NodeInfo::datacenter, NodeInfo::rack, replication);
            Map<NodeInfo, List<String>> tokens = new HashMap<>();
            for (NodeInfo n : nodeInfos) if (!n.tokens().isEmpty()) tokens.put(n, n.tokens());
            if (tokens.isEmpty() || partitioner.isEmpty()) return null;
            return TokenMap.build(Partitioner.forClassName(partitioner), tokens, NodeInfo::datacenter, NodeInfo::rack, replication);
        } catch (RuntimeException e) {
            log.warn("No token-aware routing: cannot build the token map ({})", e.getMessage());
            return null;
        }
    }

    // ---- changes: each a new state

    /**
     * The nodes as the system tables list them now, with the cluster's name and partitioner; this
     * state itself when they are as it has them (nodes are values: a refresh that finds nothing
     * new rebuilds no token map).
     */
    public ClusterState withNodes(String clusterName, String partitioner, Collection<Node> nodes) {
        Map<InetSocketAddress, Node> byAddress = new HashMap<>();
        for (Node n : nodes) byAddress.put(n.address(), n);
        if (clusterName.equals(this.clusterName) && partitioner.equals(this.partitioner) && byAddress.equals(this.nodes)) {
            return this;
        }
        return new ClusterState(clusterName, partitioner, byAddress, keyspaces, null);
    }

    /** The schema read now; the ring stays (only placement per keyspace is rebuilt). This state itself when the schema is the same. */
    public ClusterState withKeyspaces(Map<String, KeyspaceMetadata> keyspaces) {
        if (keyspaces.equals(this.keyspaces)) return this;
        return new ClusterState(clusterName, partitioner, nodes, keyspaces, tokenMap == null ? null : tokenMap.ring());
    }

    /** The node at this address up or down; this state itself when nothing changes. */
    public ClusterState withNodeUp(InetSocketAddress address, boolean up) {
        Node n = nodes.get(address);
        if (n == null || n.isUp() == up) return this;
        Map<InetSocketAddress, Node> next = new HashMap<>(nodes);
        next.put(address, n.withUp(up));
        // The token map is over node infos, which carry up or down: it is rebuilt with them.
        return new ClusterState(clusterName, partitioner, next, keyspaces, null);
    }

    /** The node at this address with a shard count; this state itself when nothing changes. Shards move no token. */
    public ClusterState withNodeShards(InetSocketAddress address, java.util.OptionalInt shards) {
        Node n = nodes.get(address);
        if (n == null || n.shards().equals(shards)) return this;
        Map<InetSocketAddress, Node> next = new HashMap<>(nodes);
        next.put(address, n.withShards(shards));
        return new ClusterState(clusterName, partitioner, next, keyspaces, null);
    }

    // ---- reading

    public Node node(InetSocketAddress address) {
        return nodes.get(address);
    }

    /** Every known node, up or down, in address order. */
    public Collection<Node> nodes() {
        return nodes.values();
    }

    /** Replica placement over node infos, or null when the ring is unknown or the partitioner unsupported. */
    public TokenMap<NodeInfo> tokenMap() {
        return tokenMap;
    }

    public Map<String, KeyspaceMetadata> keyspaces() {
        return keyspaces;
    }

    // ---- ClusterData

    @Override
    public List<NodeInfo> getNodes() {
        return nodeInfos;
    }

    @Override
    public Optional<KeyspaceMetadata> getKeyspace(String name) {
        return Optional.ofNullable(keyspaces.get(name));
    }

    @Override
    public Map<String, KeyspaceMetadata> getKeyspaces() {
        return keyspaces;
    }

    @Override
    public List<NodeInfo> getReplicas(String keyspace, ByteBuffer partitionKey) {
        if (!keyspaces.containsKey(keyspace)) {
            throw new IllegalArgumentException("unknown keyspace '" + keyspace + "'; known: " + keyspaces.keySet());
        }
        return tokenMap == null ? List.of() : tokenMap.replicas(keyspace, partitionKey);
    }

    @Override
    public String getClusterName() {
        return clusterName;
    }

    @Override
    public String getPartitioner() {
        return partitioner;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Cluster '").append(clusterName).append("' (").append(partitioner).append(")\n");
        sb.append("  nodes:\n");
        for (NodeInfo n : nodeInfos) sb.append("    ").append(n).append('\n');
        sb.append("  keyspaces:\n");
        for (KeyspaceMetadata k : keyspaces.values()) {
            sb.append("    ").append(k.name()).append(' ').append(k.replication()).append(": ")
                    .append(k.tables().size()).append(" tables, ").append(k.userTypes().size()).append(" types\n");
        }
        return sb.toString();
    }
}
