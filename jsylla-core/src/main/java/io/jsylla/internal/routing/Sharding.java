package io.jsylla.internal.routing;

/**
 * How a ScyllaDB node splits the token ring among its shards (one per core), by its only
 * algorithm, {@code biased-token-round-robin}: the token is biased to unsigned, shifted left by
 * {@code ignoreMsb} bits, and scaled to the shard count by the high half of a 64x64-bit
 * unsigned product. Applies to vnode tables; a tablet names its shard itself.
 *
 * @param shards    the node's shard count, at least 1
 * @param ignoreMsb the most significant bits of the biased token that do not choose the shard
 */
public record Sharding(int shards, int ignoreMsb) {

    public Sharding {
        if (shards < 1) throw new IllegalArgumentException("shard count " + shards + " < 1");
        if (ignoreMsb < 0 || ignoreMsb > 63) throw new IllegalArgumentException("ignore_msb " + ignoreMsb + " outside 0..63");
    }

    /** The shard that owns a Murmur3 token. */
    public int shardOf(long token) {
        long biased = (token + Long.MIN_VALUE) << ignoreMsb; // + 2^63, wrapping: signed order becomes unsigned order
        return (int) unsignedMultiplyHigh(biased, shards);
    }

    /** The shard that owns a token of any partitioner: only Murmur3 tokens have one. */
    public int shardOf(Token token) {
        return token instanceof Murmur3Token m ? shardOf(m.value()) : 0;
    }

    /**
     * The high 64 bits of the unsigned 128-bit product (Java 18's Math.unsignedMultiplyHigh):
     * the signed product's high half, corrected for each operand read as negative.
     */
    static long unsignedMultiplyHigh(long x, long y) {
        long high = Math.multiplyHigh(x, y);
        return high + ((x >> 63) & y) + ((y >> 63) & x);
    }
}
