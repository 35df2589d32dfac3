package io.jsylla.testkit.scylla;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A detached simulator's counts, written by {@link ShardSimulatorMain} to a file beside its
 * record every half second, so that another process ({@code jsylla node status}) can show them
 * without a control port: open connections per shard of each simulated node, and the routed
 * EXECUTEs, shard misses and non-replica requests summed over nodes.
 *
 * @param connectionsPerShard per simulated node (in node order), shard to open connections
 */
public record ShardCountsFile(List<Map<Integer, Integer>> connectionsPerShard, long routed, long shardMisses,
                              long nonReplica) {
    static final String FILE = "shard-simulator-counts.properties";

    static ShardCountsFile of(ShardSimulator simulator) {
        List<Map<Integer, Integer>> connections = new ArrayList<>();
        for (SimulatedNode n : simulator.nodes()) connections.add(n.stats().openConnectionsPerShard());
        return new ShardCountsFile(connections, simulator.routedRequests(), simulator.shardMisses(),
                simulator.nonReplicaRequests());
    }

    /** The latest counts in a node folder, if a simulator wrote any. */
    public static Optional<ShardCountsFile> read(Path directory) {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) return Optional.empty();
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            List<Map<Integer, Integer>> connections = new ArrayList<>();
            int nodes = Integer.parseInt(p.getProperty("nodes"));
            for (int i = 1; i <= nodes; i++) {
                Map<Integer, Integer> perShard = new TreeMap<>();
                for (String name : p.stringPropertyNames()) {
                    String prefix = "node" + i + ".shard";
                    if (name.startsWith(prefix)) perShard.put(Integer.parseInt(name.substring(prefix.length())), Integer.parseInt(p.getProperty(name)));
                }
                connections.add(perShard);
            }
            return Optional.of(new ShardCountsFile(connections, Long.parseLong(p.getProperty("routed")),
                    Long.parseLong(p.getProperty("shardMisses")), Long.parseLong(p.getProperty("nonReplica"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void write(Path directory) {
        Properties p = new Properties();
        p.setProperty("nodes", Integer.toString(connectionsPerShard.size()));
        for (int i = 0; i < connectionsPerShard.size(); i++) {
            int node = i + 1;
            connectionsPerShard.get(i).forEach((shard, open) -> p.setProperty("node" + node + ".shard" + shard, open.toString()));
        }
        p.setProperty("routed", Long.toString(routed));
        p.setProperty("shardMisses", Long.toString(shardMisses));
        p.setProperty("nonReplica", Long.toString(nonReplica));
        AtomicProperties.write(directory, FILE, p);
    }

    /** Shard to open connections, every shard of {@code shards} listed (0 when none). */
    public static Map<Integer, Integer> allShards(Map<Integer, Integer> perShard, int shards) {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        for (int s = 0; s < shards; s++) out.put(s, perShard.getOrDefault(s, 0));
        return out;
    }
}
