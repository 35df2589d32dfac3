package io.jsylla.internal.cluster;

import io.jsylla.ClusterData;
import io.jsylla.KeyspaceMetadata;
import io.jsylla.NodeInfo;
import java.nio.ByteBuffer;
import io.jsylla.internal.routing.TokenMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable view of the cluster at one moment. */
record ClusterSnapshot(String clusterName, String partitioner, List<NodeInfo> nodes,
                       Map<String, KeyspaceMetadata> keyspaces, TokenMap<Node> tokenMap) implements ClusterData {

    @Override
    public List<NodeInfo> getNodes() {
        return nodes;
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
        if (tokenMap == null) return List.of();
        List<NodeInfo> out = new ArrayList<>();
        for (Node n : tokenMap.replicas(keyspace, partitionKey)) out.add(n.info());
        return out;
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
        for (NodeInfo n : nodes) sb.append("    ").append(n).append('\n');
        sb.append("  keyspaces:\n");
        for (KeyspaceMetadata k : keyspaces.values()) {
            sb.append("    ").append(k.name()).append(' ').append(k.replication()).append(": ")
                    .append(k.tables().size()).append(" tables, ").append(k.userTypes().size()).append(" types\n");
        }
        return sb.toString();
    }
}
