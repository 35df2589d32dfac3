package io.jsylla.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the shard simulator saw of one run's measured phase: routed EXECUTEs (those whose shard
 * it computed), shard misses (routed EXECUTEs that arrived on another shard's connection) and
 * requests coordinated by a non-replica, and the connections each simulated node held per shard
 * when measuring began (the driver's pool once connected and warmed up).
 *
 * @param connectionsPerShard per simulated node ("host:port"), shard to open connections
 */
public record ShardCounts(int shards, long routed, long shardMisses, long nonReplica,
                          Map<String, Map<Integer, Integer>> connectionsPerShard) {

    /** Shard misses over routed EXECUTEs; NaN when none was routed. */
    public double missRate() {
        return routed == 0 ? Double.NaN : (double) shardMisses / routed;
    }

    /** Non-replica coordinators over routed EXECUTEs; NaN when none was routed. */
    public double nonReplicaRate() {
        return routed == 0 ? Double.NaN : (double) nonReplica / routed;
    }

    /** The counts since {@code start}, with the connections as they were then. */
    public ShardCounts since(ShardCounts start) {
        return new ShardCounts(shards, routed - start.routed, shardMisses - start.shardMisses, nonReplica - start.nonReplica,
                start.connectionsPerShard);
    }

    /** Connections per shard of every node, e.g. {@code 127.0.0.1:9042 0=1 1=1 2=1 3=1}. */
    public String describeConnections() {
        List<String> nodes = new ArrayList<>();
        connectionsPerShard.forEach((node, perShard) -> {
            StringBuilder sb = new StringBuilder(node);
            for (int s = 0; s < shards; s++) sb.append(' ').append(s).append('=').append(perShard.getOrDefault(s, 0));
            nodes.add(sb.toString());
        });
        return String.join(", ", nodes);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shards", shards);
        m.put("routed", routed);
        m.put("shardMisses", shardMisses);
        m.put("nonReplica", nonReplica);
        m.put("shardMissRate", missRate());
        m.put("nonReplicaRate", nonReplicaRate());
        Map<String, Object> connections = new LinkedHashMap<>();
        connectionsPerShard.forEach((node, perShard) -> {
            Map<String, Object> shardsOfNode = new LinkedHashMap<>();
            for (int s = 0; s < shards; s++) shardsOfNode.put(Integer.toString(s), perShard.getOrDefault(s, 0));
            connections.put(node, shardsOfNode);
        });
        m.put("connectionsPerShard", connections);
        return m;
    }

    public static ShardCounts fromMap(Map<?, ?> m) {
        Map<String, Map<Integer, Integer>> connections = new LinkedHashMap<>();
        ((Map<?, ?>) m.get("connectionsPerShard")).forEach((node, perShard) -> {
            Map<Integer, Integer> shardsOfNode = new TreeMap<>();
            ((Map<?, ?>) perShard).forEach((s, n) -> shardsOfNode.put(Integer.parseInt(s.toString()), ((Number) n).intValue()));
            connections.put(node.toString(), shardsOfNode);
        });
        return new ShardCounts(((Number) m.get("shards")).intValue(), ((Number) m.get("routed")).longValue(),
                ((Number) m.get("shardMisses")).longValue(), ((Number) m.get("nonReplica")).longValue(), connections);
    }
}
