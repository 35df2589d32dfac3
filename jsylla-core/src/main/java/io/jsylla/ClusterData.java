package io.jsylla;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of what the driver knows of the cluster: nodes, schema and token ring. Immutable;
 * {@link Session#getClusterData()} returns the latest. {@link #toString()} is a readable summary.
 */
public interface ClusterData {

    List<NodeInfo> getNodes();

    Optional<KeyspaceMetadata> getKeyspace(String name);

    /** Every keyspace by name, system ones included. */
    Map<String, KeyspaceMetadata> getKeyspaces();

    /**
     * The nodes holding the partition with this serialized partition key in this keyspace, per
     * its replication strategy and the token ring.
     */
    List<NodeInfo> getReplicas(String keyspace, ByteBuffer partitionKey);

    /** The cluster's name, as the nodes report it. */
    String getClusterName();

    /** The partitioner class the cluster uses. */
    String getPartitioner();
}
