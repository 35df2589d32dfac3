package io.jsylla;

import java.net.InetSocketAddress;
import java.time.Duration;

/** Counters and latencies of a session, since it was built. Reads are cheap and lock-free. */
public interface SessionMetrics {
    /** Requests completed, successfully or not. */
    long requests();

    /** Requests that ended in an error. */
    long errors();

    /** Requests that ended in {@link RequestTimeoutException}. */
    long timeouts();

    /** Retries made (a request may be retried more than once). */
    long retries();

    /** Speculative executions started. */
    long speculativeExecutions();

    /** Messages sent to this node (attempts, retries and speculative executions included). */
    long requestsOn(InetSocketAddress node);

    /** Requests sent and not yet answered, over every connection. */
    int inFlight();

    /** Request latency at this percentile (0-100] over the session's life; zero before any request. */
    Duration latencyPercentile(double percentile);

    /**
     * Open connections to each shard of this ScyllaDB node, by shard number; empty for a node
     * without shards (Cassandra), an unknown node, or with shard awareness off.
     */
    default java.util.List<Integer> connectionsPerShard(InetSocketAddress node) {
        return java.util.List.of();
    }

    /**
     * Messages sent to each shard of this ScyllaDB node on a connection of that very shard, by
     * shard number (what shard awareness saves: the node's hop between cores); empty as
     * {@link #connectionsPerShard}.
     */
    default java.util.List<Long> requestsPerShard(InetSocketAddress node) {
        return java.util.List.of();
    }

    /**
     * Messages with a known shard that went on a connection of another shard, over every node,
     * because their shard had no open connection at the moment.
     */
    default long requestsToOtherShard() {
        return 0;
    }
}
