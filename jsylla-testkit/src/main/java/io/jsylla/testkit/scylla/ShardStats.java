package io.jsylla.testkit.scylla;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one simulated node saw, per shard: open connections, requests, EXECUTEs whose shard the
 * simulator could compute ("routed"), and shard misses (a routed EXECUTE arriving on a connection
 * of another shard, what a shard-aware driver exists to avoid). Also, per node, requests that a
 * node coordinated without being a replica of their token, forged rate limit errors, and LWT
 * EXECUTEs with those that arrived at their primary replica's owning shard.
 *
 * <p>{@link #reset()} zeroes the counters but not the open connections, which are a state.
 */
public final class ShardStats {
    private static final class Shard {
        final AtomicInteger open = new AtomicInteger();
        final LongAdder requests = new LongAdder();
        final LongAdder routed = new LongAdder();
        final LongAdder misses = new LongAdder();
    }

    private final Map<Integer, Shard> shards = new ConcurrentHashMap<>();
    private final LongAdder nonReplica = new LongAdder();
    private final LongAdder refusedVersions = new LongAdder();
    private final LongAdder shardAwarePortAccepts = new LongAdder();
    private final LongAdder rateLimitedReads = new LongAdder();
    private final LongAdder rateLimitedWrites = new LongAdder();
    private final LongAdder lwtRequests = new LongAdder();
    private final LongAdder lwtAtPrimaryShard = new LongAdder();

    private Shard shard(int shard) {
        return shards.computeIfAbsent(shard, s -> new Shard());
    }

    void opened(int shard, boolean onShardAwarePort) {
        shard(shard).open.incrementAndGet();
        if (onShardAwarePort) shardAwarePortAccepts.increment();
    }

    void closed(int shard) {
        shard(shard).open.decrementAndGet();
    }

    void request(int shard) {
        shard(shard).requests.increment();
    }

    void routed(int shard, boolean miss) {
        Shard s = shard(shard);
        s.routed.increment();
        if (miss) s.misses.increment();
    }

    void nonReplica() {
        nonReplica.increment();
    }

    void refusedVersion() {
        refusedVersions.increment();
    }

    void rateLimited(StatementKind.OpType op) {
        (op == StatementKind.OpType.READ ? rateLimitedReads : rateLimitedWrites).increment();
    }

    void lwt(boolean atPrimaryShard) {
        lwtRequests.increment();
        if (atPrimaryShard) lwtAtPrimaryShard.increment();
    }

    /** Connections open now on {@code shard}. */
    public int openConnections(int shard) {
        Shard s = shards.get(shard);
        return s == null ? 0 : s.open.get();
    }

    /** Connections open now, per shard that ever had one (shard -> count), in shard order. */
    public Map<Integer, Integer> openConnectionsPerShard() {
        Map<Integer, Integer> out = new TreeMap<>();
        shards.forEach((k, s) -> out.put(k, s.open.get()));
        return out;
    }

    public int openConnections() {
        return shards.values().stream().mapToInt(s -> s.open.get()).sum();
    }

    /** Request frames received from clients on connections of {@code shard}, OPTIONS included. */
    public long requests(int shard) {
        Shard s = shards.get(shard);
        return s == null ? 0 : s.requests.sum();
    }

    public long requests() {
        return shards.values().stream().mapToLong(s -> s.requests.sum()).sum();
    }

    /** EXECUTEs whose partition key, and so shard, the simulator computed. */
    public long routedRequests() {
        return shards.values().stream().mapToLong(s -> s.routed.sum()).sum();
    }

    /** Routed EXECUTEs that arrived on a connection of {@code shard} but belong to another shard. */
    public long shardMisses(int shard) {
        Shard s = shards.get(shard);
        return s == null ? 0 : s.misses.sum();
    }

    public long shardMisses() {
        return shards.values().stream().mapToLong(s -> s.misses.sum()).sum();
    }

    /** Routed EXECUTEs this node coordinated without being a replica of their token. */
    public long nonReplicaRequests() {
        return nonReplica.sum();
    }

    /** Frames of protocol v5 or later refused with a protocol error, as ScyllaDB does. */
    public long refusedProtocolVersions() {
        return refusedVersions.sum();
    }

    /**
     * Connections accepted on the shard-aware port (plain or TLS) since the last reset: how a test
     * tells a driver that picked its shards by source port from one that only filled its pool
     * through the regular port.
     */
    public long shardAwarePortConnections() {
        return shardAwarePortAccepts.sum();
    }

    /** Requests of {@code op} the simulator answered with a forged rate limit error instead of forwarding them. */
    public long rateLimitErrors(StatementKind.OpType op) {
        return (op == StatementKind.OpType.READ ? rateLimitedReads : rateLimitedWrites).sum();
    }

    /** Forged rate limit errors, reads and writes. */
    public long rateLimitErrors() {
        return rateLimitedReads.sum() + rateLimitedWrites.sum();
    }

    /** EXECUTEs of prepared conditional statements (LWTs) forwarded by this node. */
    public long lwtRequests() {
        return lwtRequests.sum();
    }

    /**
     * LWT EXECUTEs that arrived at the primary replica of their token (the first replica in ring
     * order) on a connection of the token's shard: where ScyllaDB's LWT routing sends them. An LWT
     * whose token or keyspace replication is unknown does not count here.
     */
    public long lwtAtPrimaryShard() {
        return lwtAtPrimaryShard.sum();
    }

    /** Zeroes every counter; open connections stay as they are. */
    public void reset() {
        shards.values().forEach(s -> {
            s.requests.reset();
            s.routed.reset();
            s.misses.reset();
        });
        nonReplica.reset();
        refusedVersions.reset();
        shardAwarePortAccepts.reset();
        rateLimitedReads.reset();
        rateLimitedWrites.reset();
        lwtRequests.reset();
        lwtAtPrimaryShard.reset();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ShardStats[");
        new TreeMap<>(shards).forEach((k, s) -> sb.append("shard ").append(k).append(": open ").append(s.open.get())
                .append(", requests ").append(s.requests.sum()).append(", routed ").append(s.routed.sum())
                .append(", misses ").append(s.misses.sum()).append("; "));
        return sb.append("non-replica ").append(nonReplica.sum()).append(", rate-limited ").append(rateLimitErrors())
                .append(", LWT ").append(lwtRequests.sum()).append(" (at primary shard ").append(lwtAtPrimaryShard.sum())
                .append(")]").toString();
    }
}
