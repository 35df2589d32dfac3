package io.jsylla.policies;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The built-in {@link SpeculativeExecutionPolicy speculative execution policies} (the default
 * is {@link SpeculativeExecutionPolicy#NONE}). Speculation trades extra load for lower tail
 * latency: keep {@code maxExecutions} small.
 */
public final class SpeculativeExecutions {
    private SpeculativeExecutions() {}

    /**
     * Starts another execution every {@code delay} while none has answered.
     *
     * @param delay how long to wait after the latest execution started; positive
     * @param maxExecutions executions in all, the first included; at least 2
     */
    public static SpeculativeExecutionPolicy constant(Duration delay, int maxExecutions) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.isZero()) throw new IllegalArgumentException("delay must be positive: " + delay);
        checkMaxExecutions(maxExecutions);
        // Rounded up: a sub-millisecond delay must not mean "at once".
        long rounded = delay.toMillis();
        long millis = delay.compareTo(Duration.ofMillis(rounded)) > 0 ? rounded + 1 : rounded;
        return new SpeculativeExecutionPolicy() {
            @Override
            public long nextDelayMillis(RequestInfo request, int running) {
                return running < maxExecutions ? millis : -1;
            }

            @Override
            public String toString() {
                return "SpeculativeExecutions.constant(" + delay + ", " + maxExecutions + ")";
            }
        };
    }

    /**
     * Starts another execution once the request has taken longer than the given percentile of
     * recent successful requests, e.g. 99.0: only the slowest requests are run again. Recent
     * means the previous 5-second interval; while it holds fewer than 100 samples, nothing is run
     * speculatively (too little data to tell what is slow).
     *
     * @param percentile of the recent latencies, in (0, 100]
     * @param maxExecutions executions in all, the first included; at least 2
     */
    public static SpeculativeExecutionPolicy percentile(double percentile, int maxExecutions) {
        return percentile(percentile, maxExecutions, System::nanoTime);
    }

    static SpeculativeExecutionPolicy percentile(double percentile, int maxExecutions, LongSupplier nanoClock) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + percentile);
        }
        checkMaxExecutions(maxExecutions);
        return new PercentilePolicy(percentile, maxExecutions, Objects.requireNonNull(nanoClock, "clock"));
    }

    private static void checkMaxExecutions(int maxExecutions) {
        if (maxExecutions < 2) {
            throw new IllegalArgumentException("maxExecutions must be >= 2 (the first execution counts): " + maxExecutions);
        }
    }

    private static final class PercentilePolicy implements SpeculativeExecutionPolicy {
        static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);
        static final long MIN_SAMPLES = 100;

        private final double percentile;
        private final int maxExecutions;
        private final LongSupplier clock;
        // Auto-resizing, microseconds with 3 significant digits: precise enough, and small.
        private final Recorder recorder = new Recorder(3);
        private final AtomicLong intervalStart;
        // The last complete interval; never recycled, as readers may still hold it.
        private volatile Histogram lastInterval;

        PercentilePolicy(double percentile, int maxExecutions, LongSupplier clock) {
            this.percentile = percentile;
            this.maxExecutions = maxExecutions;
            this.clock = clock;
            this.intervalStart = new AtomicLong(clock.getAsLong());
        }

        @Override
        public long nextDelayMillis(RequestInfo request, int running) {
            if (running >= maxExecutions) return -1;
            maybeSwap();
            Histogram h = lastInterval;
            if (h == null || h.getTotalCount() < MIN_SAMPLES) return -1;
            // The histogram answers the top of the value's bucket: round to the nearest millisecond,
            // but never 0, which would start the next execution at once.
            long micros = h.getValueAtPercentile(percentile);
            return Math.max(1, (micros + 500) / 1000);
        }

        @Override
        public void onLatency(long latencyNanos) {
            maybeSwap();
            recorder.recordValue(Math.max(0, latencyNanos / 1000));
        }

        private void maybeSwap() {
            long start = intervalStart.get();
            long now = clock.getAsLong();
            // Only the thread that moves the interval on takes the histogram.
            if (now - start >= INTERVAL_NANOS && intervalStart.compareAndSet(start, now)) {
                lastInterval = recorder.getIntervalHistogram();
            }
        }

        @Override
        public String toString() {
            return "SpeculativeExecutions.percentile(" + percentile + ", " + maxExecutions + ")";
        }
    }
}
