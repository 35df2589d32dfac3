package io.jsylla.testkit.scylla;

/**
 * Chooses the shard a new connection lands on, as ScyllaDB does: on the shard-aware port the
 * client's source port modulo the shard count (so a driver picks its shard by binding a port);
 * on the regular port, or behind a NAT that rewrites source ports, the shard with the fewest
 * open connections (lowest shard first among equals).
 */
public final class ShardAssigner {
    private ShardAssigner() {}

    /**
     * @param openPerShard open connections per shard now (entries past its length count as 0)
     * @param shardAwarePort whether the connection came in on the shard-aware port
     * @param nat whether source ports are rewritten on the way (they then mean nothing)
     */
    public static int assign(int shards, int[] openPerShard, boolean shardAwarePort, int sourcePort, boolean nat) {
        if (shardAwarePort && !nat) return Math.floorMod(sourcePort, shards);
        int best = 0;
        for (int s = 1; s < shards; s++) if (open(openPerShard, s) < open(openPerShard, best)) best = s;
        return best;
    }

    private static int open(int[] openPerShard, int shard) {
        return shard < openPerShard.length ? openPerShard[shard] : 0;
    }
}
