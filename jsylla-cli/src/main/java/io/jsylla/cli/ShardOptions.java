package io.jsylla.cli;

import io.jsylla.testkit.scylla.ShardSimulatorOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --shards} and its companions: put the test kit's ScyllaDB shard simulator in front of
 * the node, so that shard-aware drivers see shards (and their misses get counted) on Cassandra.
 */
final class ShardOptions {
    @Option(names = "--shards", paramLabel = "N",
            description = "Front the node with the ScyllaDB shard simulator, N shards per node.")
    Integer shards;

    @Option(names = "--ignore-msb", paramLabel = "BITS", defaultValue = "12",
            description = "The simulated SCYLLA_SHARDING_IGNORE_MSB (default: ${DEFAULT-VALUE}).")
    int ignoreMsb;

    @Option(names = "--cross-shard-penalty-micros", paramLabel = "MICROS", defaultValue = "0",
            description = "Hold each shard miss this long before forwarding it, as a hop between cores would (default: ${DEFAULT-VALUE}).")
    long crossShardPenaltyMicros;

    boolean enabled() {
        return shards != null;
    }

    /** The simulator's options on the given ports (0 for free ones). */
    ShardSimulatorOptions options(int port, int shardAwarePort) {
        return ShardSimulatorOptions.defaults().shards(shards).ignoreMsb(ignoreMsb)
                .crossShardPenalty(Duration.ofNanos(crossShardPenaltyMicros * 1000)).ports(port, shardAwarePort);
    }
}
