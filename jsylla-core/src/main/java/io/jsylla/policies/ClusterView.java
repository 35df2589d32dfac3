package io.jsylla.policies;

import io.jsylla.NodeInfo;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The session's live view of the cluster, for policies: cheap to call on every request (the
 * lists are cached snapshots, rebuilt only when nodes change).
 */
public interface ClusterView {
    /** Every known node, up or down. */
    List<NodeInfo> nodes();

    /** The datacenter the session prefers: configured, or that of the first contact point. */
    String localDatacenter();

    /** The nodes holding the partition of this routing key in this keyspace, primary first; empty when unknown. */
    List<NodeInfo> replicas(String keyspace, ByteBuffer routingKey);

    /**
     * The replicas of the request's partition, as {@link #replicas(String, ByteBuffer)} of its
     * keyspace and routing key (none without both); the session's view answers the driver's own requests without
     * materializing their keys.
     */
    default List<NodeInfo> replicas(RequestInfo request) {
        ByteBuffer key = request.routingKey();
        return request.keyspace() == null || key == null ? List.of() : replicas(request.keyspace(), key);
    }
}
