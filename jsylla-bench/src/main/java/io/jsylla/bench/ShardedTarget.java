package io.jsylla.bench;

import io.jsylla.testkit.scylla.ShardSimulator;
import io.jsylla.testkit.scylla.ShardSimulatorOptions;
import io.jsylla.testkit.scylla.SimulatedNode;
import io.jsylla.testkit.scylla.UpstreamDiscovery;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The nodes of a benchmark behind the test kit's shard simulator, in the orchestrator's JVM (so
 * its CPU is never billed to a worker, and its counts are read exactly around each run): one
 * simulated node in front of the contact node and each peer it lists, on free ports of the
 * real nodes' addresses. The drivers get the simulated contact point and discover the simulated
 * peers. No TLS, no compression: the simulator reads frames in the clear.
 */
final class ShardedTarget implements AutoCloseable {
    private final ShardSimulator simulator;
    private final int shards;

    private ShardedTarget(ShardSimulator simulator, int shards) {
        this.simulator = simulator;
        this.shards = shards;
    }

    /** Fronts the cluster of the node at {@code contactPoint}; the options' ports are used as given (0: free ones). */
    static ShardedTarget front(String contactPoint, ShardSimulatorOptions options) {
        return new ShardedTarget(ShardSimulator.front(UpstreamDiscovery.fromContactPoint(address(contactPoint)), options),
                options.shards());
    }

    static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) return new InetSocketAddress(hostPort, 9042);
        return new InetSocketAddress(hostPort.substring(0, colon).replace("[", "").replace("]", ""),
                Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /** The first simulated node, "host:port". */
    String contactPoint() {
        InetSocketAddress a = simulator.node(1).address();
        return a.getHostString() + ":" + a.getPort();
    }

    int nodeCount() {
        return simulator.nodes().size();
    }

    /** The counts since the simulator started, and the connections open now. */
    ShardCounts snapshot() {
        Map<String, Map<Integer, Integer>> connections = new LinkedHashMap<>();
        for (SimulatedNode n : simulator.nodes()) {
            connections.put(n.address().getHostString() + ":" + n.address().getPort(), n.stats().openConnectionsPerShard());
        }
        return new ShardCounts(shards, simulator.routedRequests(), simulator.shardMisses(), simulator.nonReplicaRequests(), connections);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
