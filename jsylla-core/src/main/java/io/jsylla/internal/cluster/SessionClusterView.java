package io.jsylla.internal.cluster;

import io.jsylla.NodeInfo;
import io.jsylla.internal.routing.Token;
import io.jsylla.internal.routing.TokenMap;
import io.jsylla.internal.routing.TokenSource;
import io.jsylla.policies.ClusterView;
import io.jsylla.policies.RequestInfo;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The cluster as policies see it: each call reads the current {@link ClusterState} once (a
 * volatile read) and answers from it, whose node list and token map were built with the state;
 * replica lists come back as the token map's cached instances.
 */
public final class SessionClusterView implements ClusterView {
    private final Metadata metadata;
    private volatile String localDatacenter;

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
        return metadata.state().getNodes();
    }

    @Override
    public List<NodeInfo> replicas(String keyspace, ByteBuffer routingKey) {
        if (keyspace == null || routingKey == null) return List.of();
        TokenMap<NodeInfo> map = metadata.state().tokenMap();
        return map == null ? List.of() : map.replicas(keyspace, routingKey);
    }

    @Override
    public List<NodeInfo> replicas(RequestInfo request) {
        if (!(request instanceof TokenSource source)) return ClusterView.super.replicas(request);
        String keyspace = request.keyspace();
        TokenMap<NodeInfo> map = metadata.state().tokenMap();
        if (keyspace == null || map == null) return List.of();
        Token token = source.token(map.partitioner());
        return token == null ? List.of() : map.replicas(keyspace, token);
    }
}
