package io.jsylla.testkit.scylla;

/**
 * ScyllaDB's {@code biased-token-round-robin} sharding: which shard of a node owns a Murmur3
 * token. This is the formula drivers use to pick a connection, so the simulator must compute
 * exactly the same shard to tell a hit from a miss.
 */
public final class Sharding {
    /** The only algorithm ScyllaDB defines, as sent in {@code SCYLLA_SHARDING_ALGORITHM}. */
    public static final String ALGORITHM = "biased-token-round-robin";
    /** The partitioner name drivers compare against (the {@code dht} form, not {@code partitioners}). */
    public static final String PARTITIONER = "org.apache.cassandra.dht.Murmur3Partitioner";

    private Sharding() {}

    /**
     * The shard of {@code token} on a node of {@code shards} shards: unsigned 64-bit
     * {@code b = (token + 2^63) << ignoreMsb}, then the high 64 bits of {@code b * shards}.
     */
    public static int shardOf(long token, int shards, int ignoreMsb) {
        if (shards < 1) throw new IllegalArgumentException("shards must be at least 1: " + shards);
        if (ignoreMsb < 0 || ignoreMsb > 63) throw new IllegalArgumentException("ignoreMsb must be 0..63: " + ignoreMsb);
        long biased = (token + Long.MIN_VALUE) << ignoreMsb; // + 2^63 wraps, as unsigned arithmetic does
        return (int) unsignedMultiplyHigh(biased, shards);
    }

    /**
     * The high 64 bits of the unsigned 128-bit product: Java 17 has only the signed
     * {@link Math#multiplyHigh}, which is off by the other operand for each negative one.
     */
    static long unsignedMultiplyHigh(long x, long y) {
        return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }
}
