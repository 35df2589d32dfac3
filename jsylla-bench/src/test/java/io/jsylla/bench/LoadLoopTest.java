package io.jsylla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadLoopTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    /** An operation that completes after a fixed delay, on another thread, counting those in flight. */
    private LoadLoop.Operation slow(long millis, AtomicInteger inFlight, AtomicInteger mostInFlight) {
        return () -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            CompletableFuture<Object> f = new CompletableFuture<>();
            timer.schedule(() -> {
                inFlight.decrementAndGet();
                f.complete(1);
            }, millis, TimeUnit.MILLISECONDS);
            return f;
        };
    }

    @Test
    void windowModeKeepsTheWindowInFlightAndRunsTheOpsAsked() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        LoadLoop.Outcome o = new LoadLoop(4, 0).run(slow(2, inFlight, most), LoadLoop.Limit.ops(100));
        assertThat(o.ops()).isEqualTo(100);
        assertThat(o.errors()).isZero();
        assertThat(o.rows()).isEqualTo(100);
        assertThat(most.get()).isEqualTo(4);
        assertThat(o.latencies().getTotalCount()).isEqualTo(100);
        assertThat(o.latencies().getValueAtPercentile(50)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(2));
    }

    /**
     * The driver can do one 10 ms operation at a time (100/s) but is asked for 1000/s: each
     * operation waits behind the ones before it. Measured from the intended start, latencies
     * grow by about 9 ms an operation; measured from the actual send they would all be 10 ms.
     */
    @Test
    void rateModeCountsTheQueueingDelayOfAFallingBehindDriver() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        LoadLoop.Outcome o = new LoadLoop(1, 1000).run(slow(10, inFlight, most), LoadLoop.Limit.ops(50));
        assertThat(o.ops()).isEqualTo(50);
        assertThat(most.get()).isEqualTo(1);
        long ms = TimeUnit.MILLISECONDS.toNanos(1);
        assertThat(o.latencies().getMaxValue()).isGreaterThan(400 * ms);
        assertThat(o.latencies().getValueAtPercentile(50)).isGreaterThan(150 * ms);
        assertThat(o.opsPerSecond()).isLessThan(110);
    }

    @Test
    void rateModePacesTheStarts() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        LoadLoop.Outcome o = new LoadLoop(16, 200).run(slow(1, inFlight, most), LoadLoop.Limit.ops(40));
        assertThat(o.ops()).isEqualTo(40);
        assertThat(o.elapsedNanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(195));
        assertThat(o.opsPerSecond()).isLessThanOrEqualTo(205);
    }

    @Test
    void aTimedPhaseStopsAtItsDeadline() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        LoadLoop.Outcome o = new LoadLoop(2, 0).run(slow(1, inFlight, most), LoadLoop.Limit.time(Duration.ofMillis(200)));
        assertThat(o.ops()).isPositive();
        assertThat(o.elapsedNanos()).isBetween(TimeUnit.MILLISECONDS.toNanos(190), TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void failuresAreCountedNotTimed() throws Exception {
        AtomicInteger n = new AtomicInteger();
        LoadLoop.Outcome o = new LoadLoop(3, 0).run(() -> {
            if (n.incrementAndGet() % 2 == 0) throw new IllegalStateException("thrown");
            CompletionStage<Object> failed = CompletableFuture.failedFuture(new IllegalArgumentException("failed"));
            return n.get() % 3 == 0 ? CompletableFuture.completedFuture("ok") : failed;
        }, LoadLoop.Limit.ops(12));
        assertThat(o.ops() + o.errors()).isEqualTo(12);
        assertThat(o.errors()).isEqualTo(10);
        assertThat(o.latencies().getTotalCount()).isEqualTo(2);
        assertThat(o.firstError()).isEqualTo("java.lang.IllegalArgumentException: failed");
    }
}
