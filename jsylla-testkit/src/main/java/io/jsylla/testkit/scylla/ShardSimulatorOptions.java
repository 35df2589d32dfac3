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
 * @param shardingKeys false to answer OPTIONS without ScyllaDB's sharding keys, as plain Cassandra
 *                     would (the extensions' keys have switches of their own)
 * @param nat true to ignore source ports on the shard-aware port, as behind a NAT
 * @param rateLimitErrors offer {@code SCYLLA_RATE_LIMIT_ERROR} in SUPPORTED (forged errors are
 *                        then sent in ScyllaDB's format to connections that take it up)
 * @param lwtMark offer {@code SCYLLA_LWT_ADD_METADATA_MARK} in SUPPORTED and mark conditional
 *                statements' PREPARED answers on connections that take it up
 */
public record ShardSimulatorOptions(int shards, int ignoreMsb, Duration crossShardPenalty, int port,
                                    int shardAwarePort, boolean shardingKeys, boolean nat,
                                    boolean rateLimitErrors, boolean lwtMark) {

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

    /** 4 shards, ignore_msb 12, no penalty, free ports, sharding keys on, no NAT, both extensions offered. */
    public static ShardSimulatorOptions defaults() {
        return new ShardSimulatorOptions(4, 12, Duration.ZERO, 0, 0, true, false, true, true);
    }

    public ShardSimulatorOptions shards(int shards) {
        return new ShardSimulatorOptions(shards, ignoreMsb, crossShardPenalty, port, shardAwarePort, shardingKeys, nat, rateLimitErrors, lwtMark);
    }

    public ShardSimulatorOptions ignoreMsb(int ignoreMsb) {
        return new ShardSimulatorOptions(shards, ignoreMsb, crossShardPenalty, port, shardAwarePort, shardingKeys, nat, rateLimitErrors, lwtMark);
    }

    public ShardSimulatorOptions crossShardPenalty(Duration penalty) {
        return new ShardSimulatorOptions(shards, ignoreMsb, penalty, port, shardAwarePort, shardingKeys, nat, rateLimitErrors, lwtMark);
    }

    public ShardSimulatorOptions ports(int port, int shardAwarePort) {
        return new ShardSimulatorOptions(shards, ignoreMsb, crossShardPenalty, port, shardAwarePort, shardingKeys, nat, rateLimitErrors, lwtMark);
    }

    public ShardSimulatorOptions shardingKeys(boolean on) {
        return new ShardSimulatorOptions(shards, ignoreMsb, crossShardPenalty, port, shardAwarePort, on, nat, rateLimitErrors, lwtMark);
    }

    public ShardSimulatorOptions nat(boolean on) {
        return new ShardSimulatorOptions(shards, ignoreMsb, crossShardPenalty, port, shardAwarePort, shardingKeys, on, rateLimitErrors, lwtMark);
    }

    public ShardSimulatorOptions rateLimitErrors(boolean on) {
        return new ShardSimulatorOptions(shards, ignoreMsb, crossShardPenalty, port, shardAwarePort, shardingKeys, nat, on, lwtMark);
    }

    public ShardSimulatorOptions lwtMark(boolean on) {
        return new ShardSimulatorOptions(shards, ignoreMsb, crossShardPenalty, port, shardAwarePort, shardingKeys, nat, rateLimitErrors, on);
    }
}
