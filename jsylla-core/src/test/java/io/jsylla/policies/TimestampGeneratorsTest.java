package io.jsylla.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TimestampGeneratorsTest {
    private static final long SECOND = 1_000_000;

    @Test
    void followsTheClockWhileItAdvances() {
        AtomicLong clock = new AtomicLong(1_700_000_000 * SECOND);
        TimestampGenerator gen = new MonotonicTimestampGenerator(clock::get);
        assertThat(gen.next()).isEqualTo(1_700_000_000 * SECOND);
        clock.addAndGet(5);
        assertThat(gen.next()).isEqualTo(1_700_000_000 * SECOND + 5);
    }

    @Test
    void stepsByOneWhenTheClockStallsOrGoesBack() {
        AtomicLong clock = new AtomicLong(1000);
        TimestampGenerator gen = new MonotonicTimestampGenerator(clock::get);
        assertThat(gen.next()).isEqualTo(1000);
        assertThat(gen.next()).isEqualTo(1001);
        clock.set(500);
        assertThat(gen.next()).isEqualTo(1002);
        clock.set(2000);
        assertThat(gen.next()).isEqualTo(2000);
    }

    @Test
    void wallClockInMicroseconds() {
        // Loose bounds: the point is the unit (micros, not millis or nanos), not the exact clock.
        long before = System.currentTimeMillis() * 1000 - SECOND;
        long ts = TimestampGenerators.monotonic().next();
        long after = System.currentTimeMillis() * 1000 + SECOND;
        assertThat(ts).isBetween(before, after);
    }

    @Test
    void aRequestsOwnClockReadingGivesTheSameWallClockTime() {
        TimestampGenerator gen = TimestampGenerators.monotonic();
        long before = System.currentTimeMillis() * 1000 - SECOND;
        long first = gen.next(System.nanoTime());
        long second = gen.next();
        long third = gen.next(System.nanoTime());
        long after = System.currentTimeMillis() * 1000 + SECOND;
        assertThat(first).isBetween(before, after);
        assertThat(second).isGreaterThan(first);
        assertThat(third).isGreaterThan(second).isBetween(before, after);
        // A reading taken two seconds later moves the timestamp on by about as much.
        assertThat(gen.next(System.nanoTime() + 2_000_000_000L)).isBetween(third + 2 * SECOND - SECOND / 2, third + 3 * SECOND);
    }

    @Test
    void aGeneratorOnAnotherClockIgnoresTheRequestsReading() {
        AtomicLong clock = new AtomicLong(5_000);
        TimestampGenerator gen = new MonotonicTimestampGenerator(clock::get);
        assertThat(gen.next(System.nanoTime())).isEqualTo(5_000);
    }

    @Test
    void strictlyIncreasingAcrossThreads() throws Exception {
        // A stalled clock forces every timestamp through the CAS "+1" path: the worst contention.
        checkUniqueAndIncreasing(new MonotonicTimestampGenerator(() -> 42));
        checkUniqueAndIncreasing(TimestampGenerators.monotonic());
    }

    private static void checkUniqueAndIncreasing(TimestampGenerator gen) throws Exception {
        int threads = 8;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<long[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    long[] out = new long[perThread];
                    for (int i = 0; i < perThread; i++) out[i] = gen.next();
                    return out;
                }));
            }
            start.countDown();
            long[] all = new long[threads * perThread];
            int k = 0;
            for (Future<long[]> f : results) {
                long[] mine = f.get(30, TimeUnit.SECONDS);
                for (int i = 1; i < mine.length; i++) assertThat(mine[i]).isGreaterThan(mine[i - 1]);
                System.arraycopy(mine, 0, all, k, mine.length);
                k += mine.length;
            }
            assertThat(all).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void driftWarningIsThrottled() {
        AtomicLong clock = new AtomicLong(100 * SECOND);
        List<String> warnings = new ArrayList<>();
        TimestampGenerator gen = new MonotonicTimestampGenerator(clock::get, warnings::add);
        gen.next();
        clock.set(100 * SECOND - SECOND / 2); // half a second back: tolerated silently
        gen.next();
        assertThat(warnings).isEmpty();
        clock.set(50 * SECOND);
        for (int i = 0; i < 1000; i++) gen.next();
        assertThat(warnings).hasSize(1).allMatch(w -> w.contains("clock drift"));
        clock.set(59 * SECOND);
        gen.next();
        assertThat(warnings).hasSize(1);
        clock.set(60 * SECOND);
        gen.next();
        gen.next();
        assertThat(warnings).hasSize(2);
    }

    @Test
    void serverSide() {
        assertThat(TimestampGenerators.serverSide().next()).isEqualTo(TimestampGenerator.SERVER_SIDE);
    }
}
