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
}
