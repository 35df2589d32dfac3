package io.jsylla.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives one phase of load from a single issuing thread, in one of two modes:
 * <ul>
 *   <li>window: keeps {@code window} requests in flight, starting one as soon as one completes;
 *       a latency is measured from the actual start;</li>
 *   <li>rate: starts operation {@code i} at its intended time {@code start + i / rate}, with at
 *       most {@code window} in flight. A latency is measured from the <em>intended</em> start, so
 *       when the driver falls behind, the time requests waited to be sent counts (the correction
 *       for coordinated omission): a stall shows in the percentiles instead of hiding as fewer
 *       samples.</li>
 * </ul>
 * Latencies go to an HdrHistogram {@link Recorder} from the completing threads; failed
 * operations are counted, not timed. One instance runs one phase.
 */
public final class LoadLoop {
    /** Requests still in flight this long after the last start are counted as failed. */
    static final Duration DRAIN_TIMEOUT = BenchSchema.REQUEST_TIMEOUT.multipliedBy(3);

    /** Starts one operation; a stage completing with a Number adds it to the rows read. */
    @FunctionalInterface
    public interface Operation {
        CompletionStage<?> start();
    }

    /** How long a phase runs: a number of operations, or a time. */
    public record Limit(long ops, long nanos) {
        public static Limit ops(long n) {
            return new Limit(n, 0);
        }

        public static Limit time(Duration d) {
            return new Limit(0, d.toNanos());
        }

        public boolean isEmpty() {
            return ops <= 0 && nanos <= 0;
        }

        /** The fraction done, 0 to 1. */
        public double progress(long completed, long elapsedNanos) {
            double f = ops > 0 ? (double) completed / ops : nanos > 0 ? (double) elapsedNanos / nanos : 1;
            return Math.min(1, f);
        }
    }

    /** A finished phase; latencies in nanoseconds. */
    public record Outcome(Histogram latencies, long ops, long errors, String firstError, long rows, long elapsedNanos) {
        public double opsPerSecond() {
            return elapsedNanos == 0 ? 0 : ops * 1e9 / elapsedNanos;
        }
    }

    private final int window;
    private final double rate;
    private final Recorder recorder = new Recorder(3);
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder rows = new LongAdder();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();
    private volatile long startNanos;
    private volatile Limit limit = Limit.ops(0);

    public LoadLoop(int window, double rate) {
        if (window < 1) throw new IllegalArgumentException("window must be at least 1");
        this.window = window;
        this.rate = rate;
    }

    /** Operations completed so far, failed or not. */
    public long completed() {
        return succeeded.sum() + failed.sum();
    }

    /** The fraction of the phase done, 0 to 1. */
    public double progress() {
        long start = startNanos;
        return start == 0 ? 0 : limit.progress(completed(), System.nanoTime() - start);
    }

    public Outcome run(Operation operation, Limit phase) throws InterruptedException {
        this.limit = phase;
        Semaphore permits = new Semaphore(window);
        long start = System.nanoTime();
        startNanos = start;
        long deadline = phase.nanos() > 0 ? start + phase.nanos() : Long.MAX_VALUE;
        for (long i = 0; phase.ops() <= 0 || i < phase.ops(); i++) {
            long intended;
            if (rate > 0) {
                intended = start + (long) (i * 1e9 / rate);
                if (intended - deadline >= 0) break;
                parkUntil(intended);
                permits.acquire();
            } else {
                permits.acquire();
                intended = System.nanoTime();
                if (intended - deadline >= 0) {
                    permits.release();
                    break;
                }
            }
            launch(operation, intended, permits);
        }
        if (!permits.tryAcquire(window, DRAIN_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
            int lost = window - permits.availablePermits();
            failed.add(lost);
            firstError.compareAndSet(null, new IllegalStateException(lost + " requests still in flight after " + DRAIN_TIMEOUT));
        }
        long elapsed = System.nanoTime() - start;
        Throwable error = firstError.get();
        return new Outcome(recorder.getIntervalHistogram(), succeeded.sum(), failed.sum(),
                error == null ? null : describe(error), rows.sum(), elapsed);
    }

    private void launch(Operation operation, long intended, Semaphore permits) {
        CompletionStage<?> stage;
        try {
            stage = operation.start();
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((result, error) -> {
            long latency = System.nanoTime() - intended;
            if (error == null) {
                recorder.recordValue(Math.max(0, latency));
                if (result instanceof Number n) rows.add(n.longValue());
                succeeded.increment();
            } else {
                firstError.compareAndSet(null, error);
                failed.increment();
            }
            permits.release();
        });
    }

    /** Sleeps (never spins: spinning would bill the harness's CPU to the driver) until the time. */
    private static void parkUntil(long deadline) {
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
    }

    static String describe(Throwable error) {
        Throwable e = error;
        while ((e instanceof java.util.concurrent.CompletionException || e instanceof java.util.concurrent.ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e.getClass().getName() + ": " + e.getMessage();
    }
}
