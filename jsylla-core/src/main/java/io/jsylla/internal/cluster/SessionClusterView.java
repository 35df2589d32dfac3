package io.jsylla.internal.cluster;

import io.jsylla.KeyspaceMetadata;
import io.jsylla.NodeInfo;
import io.jsylla.internal.routing.Partitioner;
import io.jsylla.internal.routing.TokenMap;
import io.jsylla.policies.ClusterView;
import io.jsylla.internal.routing.Token;
import io.jsylla.internal.routing.TokenSource;
import io.jsylla.policies.RequestInfo;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster as policies see it, built for the hot path: the node list and a token map over
 * node snapshots are rebuilt only when some node changed (the metadata's state version moved)
 * or the ring or schema did, so per request they cost a volatile read, and replica lists come
 * back as the same cached instances.
 */
public final class SessionClusterView implements ClusterView {
    private record Snapshot(long version, TokenMap<Node> source, List<NodeInfo> nodes, TokenMap<NodeInfo> replicas) {}

    private final Metadata metadata;
    private volatile String localDatacenter;
    private volatile Snapshot snapshot = new Snapshot(-1, null, List.of(), null);

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

    private Snapshot current() {
        long v = metadata.stateVersion();
        TokenMap<Node> source = metadata.tokenMap();
        Snapshot s = snapshot;
        if (s.version() == v && s.source() == source) return s;
        List<NodeInfo> infos = new ArrayList<>();
        Map<NodeInfo, List<String>> tokens = new HashMap<>();
        for (Node n : metadata.nodes()) {
            NodeInfo i = n.info();
            infos.add(i);
            if (!i.tokens().isEmpty()) tokens.put(i, i.tokens());
        }
        TokenMap<NodeInfo> replicas = null;
        if (source != null && !tokens.isEmpty()) {
            Map<String, Map<String, String>> replication = new HashMap<>();
            for (KeyspaceMetadata k : metadata.keyspaces().values()) replication.put(k.name(), k.replication());
            Partitioner p = source.partitioner();
            replicas = TokenMap.build(p, tokens, NodeInfo::datacenter, NodeInfo::rack, replication);
        }
        s = new Snapshot(v, source, List.copyOf(infos), replicas);
        snapshot = s;
        return s;
    }

    @Override
    public List<NodeInfo> nodes() {
        return current().nodes();
    }

    @Override
    public List<NodeInfo> replicas(String keyspace, ByteBuffer routingKey) {
        if (keyspace == null || routingKey == null) return List.of();
        TokenMap<NodeInfo> map = current().replicas();
        return map == null ? List.of() : map.replicas(keyspace, routingKey);
    }

    @Override
    public List<NodeInfo> replicas(RequestInfo request) {
        if (!(request instanceof TokenSource source)) return ClusterView.super.replicas(request);
        String keyspace = request.keyspace();
        TokenMap<NodeInfo> map = current().replicas();
        if (keyspace == null || map == null) return List.of();
        Token token = source.token(map.partitioner());
        return token == null ? List.of() : map.replicas(keyspace, token);
    }
}
