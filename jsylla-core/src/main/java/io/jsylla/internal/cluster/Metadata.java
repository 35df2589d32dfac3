package io.jsylla.internal.cluster;

import io.jsylla.ClusterData;
import io.jsylla.KeyspaceMetadata;
import io.jsylla.NodeInfo;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the driver knows of the cluster, each part an immutable value swapped whole, so readers
 * never lock and never see half an update.
 */
public final class Metadata {
    private volatile Map<InetSocketAddress, Node> nodes = Map.of();
    private volatile Map<String, KeyspaceMetadata> keyspaces = Map.of();
    private volatile String clusterName = "";
    private volatile String partitioner = "";

    public Collection<Node> nodes() {
        return nodes.values();
    }

    public Node node(InetSocketAddress address) {
        return nodes.get(address);
    }

    void nodes(Map<InetSocketAddress, Node> nodes) {
        this.nodes = Map.copyOf(nodes);
    }

    Map<InetSocketAddress, Node> nodeMap() {
        return nodes;
    }

    public Map<String, KeyspaceMetadata> keyspaces() {
        return keyspaces;
    }

    void keyspaces(Map<String, KeyspaceMetadata> keyspaces) {
        this.keyspaces = Map.copyOf(keyspaces);
    }

    void cluster(String name, String partitioner) {
        this.clusterName = name;
        this.partitioner = partitioner;
    }

    public ClusterData snapshot() {
        List<NodeInfo> infos = nodes.values().stream().map(Node::info)
                .sorted((a, b) -> a.address().toString().compareTo(b.address().toString())).toList();
        return new ClusterSnapshot(clusterName, partitioner, infos, new java.util.TreeMap<>(keyspaces));
    }
}
