package io.jsylla.testkit.scylla;

import java.time.Duration;

/**
 * How simulated nodes start. Each setting but the ports can also be changed at run time on a
 * {@link SimulatedNode}.
 *
 * <pre>{@code
 * ShardSimulatorOptions.defaults().shards(8).crossShardPenalty(Duration.ofMillis(1))
 * }</pre>
 *
 * @param shards shards per node (ScyllaDB: one per core)
 * @param ignoreMsb {@code SCYLLA_SHARDING_IGNORE_MSB} (ScyllaDB's default: 12)
 * @param crossShardPenalty held before forwarding each shard miss: a model of the hop a request
 *                          makes to the owning core; zero for none
 * @param port the regular port, or 0 to pick a free one (then the same for every node if free)
 * @param shardAwarePort the shard-aware port, or 0 to pick as for {@code port}
 * @param shardingKeys false to answer OPTIONS as plain Cassandra would (no {@code SCYLLA_*} keys)
 * @param nat true to ignore source ports on the shard-aware port, as behind a NAT
 */
public record ShardSimulatorOptions(int shards, int ignoreMsb, Duration crossShardPenalty, int port,
                                    int shardAwarePort, boolean shardingKeys, boolean nat) {

    public ShardSimulatorOptions {
        if (shards < 1 || shards > 1024) throw new IllegalArgumentException("shards must be 1..1024: " + shards);
        if (ignoreMsb < 0 || ignoreMsb > 63) throw new IllegalArgumentException("ignoreMsb must be 0..63: " + ignoreMsb);
        if (crossShardPenalty == null || crossShardPenalty.isNegative()) {
            throw new IllegalArgumentException("crossShardPenalty must be zero or positive: " + crossShardPenalty);
        }
        if (port < 0 || port > 65535 || shardAwarePort < 0 || shardAwarePort > 65535) {
            throw new IllegalArgumentException("ports must be 0..65535: " + port + ", " + shardAwarePort);
        }
    }

    /** 4 shards, ignore_msb 12, no penalty, free ports, sharding keys on, no NAT. */
    public static ShardSimulatorOptions defaults() {
        return new ShardSimulatorOptions(4, 12, Duration.ZERO, 0, 0, true, false);
    }

    public ShardSimulatorOptions shards(int shards) {
        return new ShardSimulatorOptions(shards, ignoreMsb, crossShardPenalty, port, shardAwarePort, shardingKeys, nat);
    }

    public ShardSimulatorOptions ignoreMsb(int ignoreMsb) {
        return new ShardSimulatorOptions(shards, ignoreMsb, crossShardPenalty, port, shardAwarePort, shardingKeys, nat);
    }

    public ShardSimulatorOptions crossShardPenalty(Duration penalty) {
        return new ShardSimulatorOptions(shards, ignoreMsb, penalty, port, shardAwarePort, shardingKeys, nat);
    }

    public ShardSimulatorOptions ports(int port, int shardAwarePort) {
        return new ShardSimulatorOptions(shards, ignoreMsb, crossShardPenalty, port, shardAwarePort, shardingKeys, nat);
    }

    public ShardSimulatorOptions shardingKeys(boolean on) {
        return new ShardSimulatorOptions(shards, ignoreMsb, crossShardPenalty, port, shardAwarePort, on, nat);
    }

    public ShardSimulatorOptions nat(boolean on) {
        return new ShardSimulatorOptions(shards, ignoreMsb, crossShardPenalty, port, shardAwarePort, shardingKeys, on);
    }
}
