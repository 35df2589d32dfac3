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
}
