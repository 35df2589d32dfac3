package io.jsylla.policies;

import io.jsylla.NodeInfo;
import io.jsylla.Query;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/** A cluster view built by hand, for deterministic policy tests. */
final class FakeCluster implements ClusterView {
    static final ByteBuffer KEY = ByteBuffer.wrap(new byte[] {1, 2, 3});
    static final RequestInfo ROUTED = RequestInfo.of(Query.of("SELECT * FROM t WHERE k = ?"), "ks", KEY, true);
    static final RequestInfo UNROUTED = RequestInfo.of(Query.of("SELECT * FROM t"), null, null, true);

    private final String localDc;
    final List<NodeInfo> nodes = new ArrayList<>();
    List<NodeInfo> replicas = List.of();
    int replicaCalls;

    FakeCluster(String localDc) {
        this.localDc = localDc;
    }

    /** Adds a node at 10.0.0.{@code id}:9042. */
    NodeInfo add(int id, String dc, String rack, boolean up) {
        NodeInfo n = node(id, dc, rack, up);
        nodes.add(n);
        return n;
    }

    static NodeInfo node(int id, String dc, String rack, boolean up) {
        return new NodeInfo(address(id), dc, rack, up, "5.0.0", new UUID(0, id), List.of(), OptionalInt.empty());
    }

    static InetSocketAddress address(int id) {
        return new InetSocketAddress("10.0.0." + id, 9042);
    }

    FakeCluster replicas(NodeInfo... replicas) {
        this.replicas = List.of(replicas);
        return this;
    }

    @Override
    public List<NodeInfo> nodes() {
        return nodes;
    }

    @Override
    public String localDatacenter() {
        return localDc;
    }

    @Override
    public List<NodeInfo> replicas(String keyspace, ByteBuffer routingKey) {
        replicaCalls++;
        return replicas;
    }

    static List<NodeInfo> list(Iterator<NodeInfo> plan) {
        List<NodeInfo> out = new ArrayList<>();
        plan.forEachRemaining(out::add);
        return out;
    }
}
