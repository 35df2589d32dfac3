package io.jsylla.policies;

import io.jsylla.NodeInfo;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Wraps another policy and moves the nodes that are much slower than the fastest one to the end
 * of its plans. Each node's latency is an exponentially time-weighted average of its successful
 * requests (a sample {@code t} nanoseconds after the previous one weighs
 * {@code 1 - exp(-t / scale)}), so it follows recent behaviour whatever the request rate.
 *
 * <p>A node is slow when its average exceeds {@link Builder#exclusionThreshold} times the best
 * average, both having at least {@link Builder#minimumMeasurements} samples. A slow node that has
 * not been measured for {@link Builder#retryPeriod} (it got no requests, being last) takes its
 * place again, so it can show it recovered. The best average is recomputed at most every
 * {@link Builder#updateRate}, by whichever request notices it is due. Thread-safe, lock-free.
 */
public final class LatencyAwarePolicy implements LoadBalancingPolicy {
    private final LoadBalancingPolicy child;
    private final double exclusionThreshold;
    private final long scaleNanos;
    private final long retryPeriodNanos;
    private final long updateRateNanos;
    private final int minimumMeasurements;
    private final LongSupplier clock;
    private final ConcurrentHashMap<InetSocketAddress, AtomicReference<Average>> averages = new ConcurrentHashMap<>();
    private final AtomicLong lastUpdate;
    // The best average among nodes with enough recent samples, or -1 while there is none.
    private volatile double bestAverage = -1;

    /** One node's average: immutable, swapped by CAS so updates never block each other. */
    private record Average(double nanos, long count, long timestamp) {}

    private LatencyAwarePolicy(Builder b) {
        this.child = b.child;
        this.exclusionThreshold = b.exclusionThreshold;
        this.scaleNanos = b.scale.toNanos();
        this.retryPeriodNanos = b.retryPeriod.toNanos();
        this.updateRateNanos = b.updateRate.toNanos();
        this.minimumMeasurements = b.minimumMeasurements;
        this.clock = b.clock;
        // So that the first plan computes the best average.
        this.lastUpdate = new AtomicLong(clock.getAsLong() - updateRateNanos);
    }

    /** A builder wrapping {@code child}, every option at its default. */
    public static Builder builder(LoadBalancingPolicy child) {
        return new Builder(child);
    }

    @Override
    public void init(ClusterView cluster) {
        child.init(cluster);
    }

    @Override
    public Iterator<NodeInfo> newQueryPlan(RequestInfo request, ClusterView cluster) {
        Iterator<NodeInfo> childPlan = child.newQueryPlan(request, cluster);
        long now = clock.getAsLong();
        maybeUpdateBest(now);
        double best = bestAverage;
        if (best < 0) return childPlan;
        double limit = best * exclusionThreshold;
        List<NodeInfo> plan = new ArrayList<>();
        List<NodeInfo> slow = null;
        while (childPlan.hasNext()) {
            NodeInfo n = childPlan.next();
            if (isSlow(n, now, limit)) {
                if (slow == null) slow = new ArrayList<>(2);
                slow.add(n);
            } else {
                plan.add(n);
            }
        }
        if (slow != null) plan.addAll(slow);
        return plan.iterator();
    }

    @Override
    public void onRequestCompleted(NodeInfo node, long latencyNanos, Throwable error) {
        child.onRequestCompleted(node, latencyNanos, error);
        // Failures say little about speed: a timeout measures the timeout, an early error nothing.
        if (error != null || latencyNanos < 0) return;
        long now = clock.getAsLong();
        AtomicReference<Average> ref = averages.computeIfAbsent(node.address(), a -> new AtomicReference<>());
        while (true) {
            Average prev = ref.get();
            Average next;
            if (prev == null) {
                next = new Average(latencyNanos, 1, now);
            } else {
                long elapsed = Math.max(0, now - prev.timestamp());
                double keep = Math.exp(-(double) elapsed / scaleNanos);
                double nanos = keep * prev.nanos() + (1 - keep) * latencyNanos;
                long count = prev.count() == Long.MAX_VALUE ? Long.MAX_VALUE : prev.count() + 1;
                next = new Average(nanos, count, Math.max(now, prev.timestamp()));
            }
            if (ref.compareAndSet(prev, next)) return;
        }
    }

    private boolean isSlow(NodeInfo node, long now, double limit) {
        AtomicReference<Average> ref = averages.get(node.address());
        Average a = ref == null ? null : ref.get();
        return a != null && a.count() >= minimumMeasurements && now - a.timestamp() < retryPeriodNanos
                && a.nanos() > limit;
    }

    private void maybeUpdateBest(long now) {
        long last = lastUpdate.get();
        // One thread per period does the scan; the others go on with the previous best.
        if (now - last < updateRateNanos || !lastUpdate.compareAndSet(last, now)) return;
        double best = Double.MAX_VALUE;
        for (AtomicReference<Average> ref : averages.values()) {
            Average a = ref.get();
            // Stale averages (nodes not measured for a retry period) do not set the bar.
            if (a != null && a.count() >= minimumMeasurements && now - a.timestamp() < retryPeriodNanos) {
                best = Math.min(best, a.nanos());
            }
        }
        bestAverage = best == Double.MAX_VALUE ? -1 : best;
    }

    @Override
    public String toString() {
        return "LatencyAwarePolicy[" + child + ", exclusionThreshold=" + exclusionThreshold + "]";
    }

    /** Options of {@link LatencyAwarePolicy}. */
    public static final class Builder {
        private final LoadBalancingPolicy child;
        private double exclusionThreshold = 2.0;
        private Duration scale = Duration.ofMillis(100);
        private Duration retryPeriod = Duration.ofSeconds(10);
        private Duration updateRate = Duration.ofMillis(100);
        private int minimumMeasurements = 50;
        private LongSupplier clock = System::nanoTime;

        private Builder(LoadBalancingPolicy child) {
            this.child = Objects.requireNonNull(child, "child");
        }

        /** How many times slower than the best node a node must be to go last; at least 1. Default: 2.0. */
        public Builder exclusionThreshold(double threshold) {
            if (!(threshold >= 1.0)) throw new IllegalArgumentException("exclusionThreshold must be >= 1: " + threshold);
            this.exclusionThreshold = threshold;
            return this;
        }

        /** How fast old samples lose weight: one scale after a sample, it weighs 1/e of a new one. Default: 100 ms. */
        public Builder scale(Duration scale) {
            this.scale = positive("scale", scale);
            return this;
        }

        /** How long a slow node stays last without news before it is tried again. Default: 10 s. */
        public Builder retryPeriod(Duration retryPeriod) {
            this.retryPeriod = positive("retryPeriod", retryPeriod);
            return this;
        }

        /** How often the best average is recomputed. Default: 100 ms. */
        public Builder updateRate(Duration updateRate) {
            this.updateRate = positive("updateRate", updateRate);
            return this;
        }

        /** Samples a node needs before its average counts, as the best or as slow. Default: 50. */
        public Builder minimumMeasurements(int minimum) {
            if (minimum < 0) throw new IllegalArgumentException("minimumMeasurements must be >= 0: " + minimum);
            this.minimumMeasurements = minimum;
            return this;
        }

        /** For tests: the clock, in nanoseconds. Default: System.nanoTime. */
        Builder clock(LongSupplier nanos) {
            this.clock = Objects.requireNonNull(nanos, "clock");
            return this;
        }

        /** The policy with these options. */
        public LatencyAwarePolicy build() {
            return new LatencyAwarePolicy(this);
        }

        private static Duration positive(String option, Duration d) {
            Objects.requireNonNull(d, option);
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(option + " must be positive: " + d);
            return d;
        }
    }
}
