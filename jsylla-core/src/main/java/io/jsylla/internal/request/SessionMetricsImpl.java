package io.jsylla.internal.request;

import io.jsylla.RequestTimeoutException;
import io.jsylla.SessionMetrics;
import io.jsylla.internal.pool.NodePool;
import io.jsylla.internal.pool.PoolRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;

/** The session's counters (lock-free adders) and latency histogram (HdrHistogram, microseconds). */
public final class SessionMetricsImpl implements SessionMetrics, RequestExecution.Listener {
    private static final long MAX_MICROS = Duration.ofMinutes(10).toNanos() / 1000;

    private final PoolRegistry pools;
    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder speculative = new LongAdder();
    private final ConcurrentHistogram latency = new ConcurrentHistogram(MAX_MICROS, 3);

    public SessionMetricsImpl(PoolRegistry pools) {
        this.pools = pools;
    }

    @Override
    public void retried() {
        retries.increment();
    }

    @Override
    public void ended(long latencyNanos, Throwable error) {
        requests.increment();
        if (error != null) {
            errors.increment();
            if (error instanceof RequestTimeoutException) timeouts.increment();
        }
        latency.recordValue(Math.min(MAX_MICROS, Math.max(0, latencyNanos / 1000)));
    }

    @Override
    public void speculativeExecutionStarted() {
        speculative.increment();
    }

    @Override
    public long requests() {
        return requests.sum();
    }

    @Override
    public long errors() {
        return errors.sum();
    }

    @Override
    public long timeouts() {
        return timeouts.sum();
    }

    @Override
    public long retries() {
        return retries.sum();
    }

    @Override
    public long speculativeExecutions() {
        return speculative.sum();
    }

    @Override
    public long requestsOn(InetSocketAddress address) {
        NodePool p = pool(address);
        return p == null ? 0 : p.requestCount();
    }

    /** The pool of a node by its address, or by its host when the port was left out. */
    private NodePool pool(InetSocketAddress address) {
        NodePool p = pools.get(address);
        if (p == null) {
            for (NodePool candidate : pools.all()) {
                if (candidate.address().getAddress().equals(address.getAddress())) p = candidate;
            }
        }
        return p;
    }

    @Override
    public java.util.List<Integer> connectionsPerShard(InetSocketAddress node) {
        NodePool p = pool(node);
        return p == null ? java.util.List.of() : java.util.Arrays.stream(p.connectionsPerShard()).boxed().toList();
    }

    @Override
    public java.util.List<Long> requestsPerShard(InetSocketAddress node) {
        NodePool p = pool(node);
        return p == null ? java.util.List.of() : java.util.Arrays.stream(p.requestsPerShard()).boxed().toList();
    }

    @Override
    public long requestsToOtherShard() {
        long n = 0;
        for (NodePool p : pools.all()) n += p.requestsToOtherShard();
        return n;
    }

    @Override
    public int inFlight() {
        int total = 0;
        for (NodePool p : pools.all()) total += p.inFlight();
        return total;
    }

    @Override
    public Duration latencyPercentile(double percentile) {
        if (percentile <= 0 || percentile > 100) throw new IllegalArgumentException("percentile must be in (0, 100]: " + percentile);
        if (latency.getTotalCount() == 0) return Duration.ZERO;
        return Duration.ofNanos(latency.getValueAtPercentile(percentile) * 1000);
    }

    @Override
    public String toString() {
        return "SessionMetrics[requests=" + requests() + ", errors=" + errors() + ", timeouts=" + timeouts()
                + ", retries=" + retries() + ", p99=" + latencyPercentile(99) + "]";
    }
}
