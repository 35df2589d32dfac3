package io.jsylla.internal.protocol;

import java.util.List;
import java.util.Map;

/**
 * What a ScyllaDB node says of its sharding in SUPPORTED, for one connection: the shard that
 * owns this connection, the node's shard count and ignore_msb, and the shard-aware ports (0 when
 * not configured). Cassandra says nothing of it; a node that says it inconsistently is treated
 * as unsharded, never as an error.
 */
public record ShardingOptions(int shard, int shards, int ignoreMsb, int shardAwarePort, int shardAwarePortSsl) {

    public static final String SHARD = "SCYLLA_SHARD";
    public static final String NR_SHARDS = "SCYLLA_NR_SHARDS";
    public static final String PARTITIONER = "SCYLLA_PARTITIONER";
    public static final String ALGORITHM = "SCYLLA_SHARDING_ALGORITHM";
    public static final String IGNORE_MSB = "SCYLLA_SHARDING_IGNORE_MSB";
    public static final String SHARD_AWARE_PORT = "SCYLLA_SHARD_AWARE_PORT";
    public static final String SHARD_AWARE_PORT_SSL = "SCYLLA_SHARD_AWARE_PORT_SSL";

    static final String MURMUR3 = "org.apache.cassandra.dht.Murmur3Partitioner";
    static final String BIASED_TOKEN_ROUND_ROBIN = "biased-token-round-robin";

    /** The result of reading SUPPORTED: the options, or why there are none ({@code options} null). */
    public record Parsed(ShardingOptions options, String problem) {
        /** Whether the node said nothing of sharding at all: Cassandra, or ScyllaDB with shard awareness off. */
        public boolean absent() {
            return options == null && problem == null;
        }
    }

    /** Reads the sharding keys of a SUPPORTED answer. */
    public static Parsed parse(Map<String, List<String>> supported) {
        if (!supported.containsKey(SHARD) && !supported.containsKey(NR_SHARDS)) return new Parsed(null, null);
        try {
            int shard = number(supported, SHARD);
            int shards = number(supported, NR_SHARDS);
            int ignoreMsb = number(supported, IGNORE_MSB);
            String partitioner = single(supported, PARTITIONER);
            String algorithm = single(supported, ALGORITHM);
            if (partitioner != null && !MURMUR3.equals(partitioner)) return problem("partitioner " + partitioner + " is not Murmur3");
            if (algorithm != null && !BIASED_TOKEN_ROUND_ROBIN.equals(algorithm)) return problem("unknown sharding algorithm " + algorithm);
            if (shards < 1) return problem(NR_SHARDS + " " + shards + " < 1");
            if (shard < 0 || shard >= shards) return problem(SHARD + " " + shard + " outside 0.." + (shards - 1));
            if (ignoreMsb > 63) return problem(IGNORE_MSB + " " + ignoreMsb + " > 63");
            return new Parsed(new ShardingOptions(shard, shards, ignoreMsb, port(supported, SHARD_AWARE_PORT),
                    port(supported, SHARD_AWARE_PORT_SSL)), null);
        } catch (IllegalArgumentException e) {
            return problem(e.getMessage());
        }
    }

    private static Parsed problem(String why) {
        return new Parsed(null, why);
    }

    private static String single(Map<String, List<String>> supported, String key) {
        List<String> values = supported.get(key);
        if (values == null) return null;
        if (values.size() != 1) throw new IllegalArgumentException(key + " has " + values.size() + " values " + values);
        return values.get(0);
    }

    private static int number(Map<String, List<String>> supported, String key) {
        String v = single(supported, key);
        if (v == null) throw new IllegalArgumentException(key + " is missing");
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 0) throw new IllegalArgumentException(key + " is negative: " + v);
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a number: '" + v + "'");
        }
    }

    private static int port(Map<String, List<String>> supported, String key) {
        if (single(supported, key) == null) return 0;
        int p = number(supported, key);
        if (p < 1 || p > 65535) throw new IllegalArgumentException(key + " " + p + " is not a port");
        return p;
    }
}
