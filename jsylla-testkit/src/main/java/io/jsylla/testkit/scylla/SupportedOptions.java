package io.jsylla.testkit.scylla;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SUPPORTED answer of one simulated connection: the real node's own options (fetched once)
 * with the protocol versions cut to v3/v4, as ScyllaDB speaks no v5, plus ScyllaDB's sharding
 * keys for this connection and the keys of the protocol extensions it simulates. SUPPORTED is per connection because {@code SCYLLA_SHARD} is.
 */
public final class SupportedOptions {
    private final Map<String, List<String>> upstream;

    /** @param upstream the real node's SUPPORTED options */
    public SupportedOptions(Map<String, List<String>> upstream) {
        Map<String, List<String>> copy = new LinkedHashMap<>(upstream);
        copy.computeIfPresent("PROTOCOL_VERSIONS", (k, v) -> v.stream().filter(p -> p.startsWith("3/") || p.startsWith("4/")).toList());
        this.upstream = Map.copyOf(copy);
    }

    /**
     * The options one connection sees.
     *
     * @param shardingKeys false to leave out the sharding keys, as a plain Cassandra node would
     * @param shardAwarePort the port to announce, or 0 to announce none (the port is closed)
     * @param tls true when the node speaks TLS only: the shard-aware port is then announced under
     *            {@code SCYLLA_SHARD_AWARE_PORT_SSL} too, the key drivers on TLS read, as ScyllaDB
     *            does when both its shard-aware port settings name one (TLS) port
     * @param rateLimitErrors offer {@code SCYLLA_RATE_LIMIT_ERROR} ({@code ERROR_CODE=61440})
     * @param lwtMark offer {@code SCYLLA_LWT_ADD_METADATA_MARK} ({@code LWT_OPTIMIZATION_META_BIT_MASK=2147483648})
     */
    public Map<String, List<String>> forConnection(int shard, int shards, int ignoreMsb, boolean shardingKeys,
                                                   int shardAwarePort, boolean tls, boolean rateLimitErrors, boolean lwtMark) {
        Map<String, List<String>> out = new LinkedHashMap<>(upstream);
        if (rateLimitErrors) out.put(RateLimitErrors.KEY, List.of(RateLimitErrors.VALUE));
        if (lwtMark) out.put(LwtMark.KEY, List.of(LwtMark.VALUE));
        if (!shardingKeys) return out;
        out.put("SCYLLA_SHARD", List.of(Integer.toString(shard)));
        out.put("SCYLLA_NR_SHARDS", List.of(Integer.toString(shards)));
        out.put("SCYLLA_PARTITIONER", List.of(Sharding.PARTITIONER));
        out.put("SCYLLA_SHARDING_ALGORITHM", List.of(Sharding.ALGORITHM));
        out.put("SCYLLA_SHARDING_IGNORE_MSB", List.of(Integer.toString(ignoreMsb)));
        if (shardAwarePort > 0) out.put("SCYLLA_SHARD_AWARE_PORT", List.of(Integer.toString(shardAwarePort)));
        if (shardAwarePort > 0 && tls) out.put("SCYLLA_SHARD_AWARE_PORT_SSL", List.of(Integer.toString(shardAwarePort)));
        return out;
    }

    /** {@link #forConnection} encoded as a SUPPORTED body ({@code [string multimap]}). */
    public byte[] body(int shard, int shards, int ignoreMsb, boolean shardingKeys, int shardAwarePort, boolean tls,
                       boolean rateLimitErrors, boolean lwtMark) {
        return Frames.stringMultimap(forConnection(shard, shards, ignoreMsb, shardingKeys, shardAwarePort, tls,
                rateLimitErrors, lwtMark));
    }
}
