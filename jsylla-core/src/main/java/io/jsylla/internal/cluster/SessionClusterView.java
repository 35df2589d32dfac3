package io.jsylla.internal.cluster;

import io.jsylla.NodeInfo;
import io.jsylla.internal.routing.TokenMap;
import io.jsylla.policies.ClusterView;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster as policies see it. The node list is rebuilt only when some node changed (the
 * metadata's state version moved), so asking for it on every request costs a volatile read.
 */
public final class SessionClusterView implements ClusterView {
    private record Snapshot(long version, List<NodeInfo> nodes) {}

    private final Metadata metadata;
    private volatile String localDatacenter;
    private volatile Snapshot snapshot = new Snapshot(-1, List.of());

    public SessionClusterView(Metadata metadata, String localDatacenter) {
        this.metadata = metadata;
        this.localDatacenter = localDatacenter;
    }

    public void localDatacenter(String dc) {
        this.localDatacenter = dc;
    }

    @Override
    public String localDatacenter() {
        return localDatacenter;
    }

    @Override
    public List<NodeInfo> nodes() {
        long v = metadata.stateVersion();
        Snapshot s = snapshot;
        if (s.version() != v) {
            List<NodeInfo> infos = new ArrayList<>();
            for (Node n : metadata.nodes()) infos.add(n.info());
            s = new Snapshot(v, List.copyOf(infos));
            snapshot = s;
        }
        return s.nodes();
    }

    @Override
    public List<NodeInfo> replicas(String keyspace, ByteBuffer routingKey) {
        TokenMap<Node> map = metadata.tokenMap();
        if (map == null || keyspace == null || routingKey == null) return List.of();
        List<Node> replicas = map.replicas(keyspace, routingKey);
        List<NodeInfo> out = new ArrayList<>(replicas.size());
        for (Node n : replicas) out.add(n.info());
        return out;
    }
}
