package io.jsylla.policies;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** See {@link TimestampGenerators#monotonic()}. */
final class MonotonicTimestampGenerator implements TimestampGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(MonotonicTimestampGenerator.class);
    static final long DRIFT_WARNING_THRESHOLD_MICROS = TimeUnit.SECONDS.toMicros(1);
    static final long DRIFT_WARNING_INTERVAL_MICROS = TimeUnit.SECONDS.toMicros(10);
    private static final long NEVER = Long.MIN_VALUE;

    private final LongSupplier clock;
    /** The clock is the system's, measured with System.nanoTime(): a request's own reading of it will do. */
    private final boolean systemClock;
    private final Consumer<String> warn;
    private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong lastWarning = new AtomicLong(NEVER);

    MonotonicTimestampGenerator() {
        this(MonotonicTimestampGenerator::wallClockMicros, LOG::warn, true);
    }

    /** For tests: {@code clock} gives microseconds since the epoch. */
    MonotonicTimestampGenerator(LongSupplier clock) {
        this(clock, LOG::warn);
    }

    /** For tests: {@code warn} receives the drift warnings. */
    MonotonicTimestampGenerator(LongSupplier clock, Consumer<String> warn) {
        this(clock, warn, false);
    }

    private MonotonicTimestampGenerator(LongSupplier clock, Consumer<String> warn, boolean systemClock) {
        this.clock = clock;
        this.warn = warn;
        this.systemClock = systemClock;
    }

    /** A reading of the wall clock and of System.nanoTime() taken together. */
    private record Anchor(long micros, long nanos) {
        static Anchor now() {
            Instant now = Instant.now();
            return new Anchor(now.getEpochSecond() * 1_000_000 + now.getNano() / 1000, System.nanoTime());
        }
    }

    private static final long REANCHOR_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static volatile Anchor anchor = Anchor.now();

    // Microseconds since the epoch, as cheaply as System.nanoTime(): the wall clock (Instant.now(),
    // microsecond precision where currentTimeMillis would force "+1" steps after the first
    // timestamp of each millisecond) is read once a second, and nanoTime measures from there.
    // Following the wall clock each second keeps its corrections (NTP) in; a step back is
    // absorbed by next(), which never goes back.
    private static long wallClockMicros() {
        return wallClockMicros(System.nanoTime());
    }

    private static long wallClockMicros(long nanos) {
        Anchor a = anchor;
        if (nanos - a.nanos() >= REANCHOR_NANOS) anchor = a = Anchor.now();
        return a.micros() + (nanos - a.nanos()) / 1000;
    }

    @Override
    public long next() {
        return after(clock.getAsLong());
    }

    @Override
    public long next(long nanoTime) {
        return after(systemClock ? wallClockMicros(nanoTime) : clock.getAsLong());
    }

    /** The next timestamp when the clock says {@code now}: never one already given. */
    private long after(long now) {
        while (true) {
            long prev = last.get();
            long next = now > prev ? now : prev + 1;
            if (last.compareAndSet(prev, next)) {
                if (next - now > DRIFT_WARNING_THRESHOLD_MICROS) maybeWarn(now, next - now);
                return next;
            }
        }
    }

    private void maybeWarn(long now, long driftMicros) {
        long prev = lastWarning.get();
        // Measured on the same clock: it goes on ticking even while it lags the timestamps.
        if ((prev == NEVER || Math.abs(now - prev) >= DRIFT_WARNING_INTERVAL_MICROS) && lastWarning.compareAndSet(prev, now)) {
            warn.accept("Timestamp generator clock drift: the clock is " + driftMicros
                    + " microseconds behind the last timestamp; it went back, or more than a million timestamps"
                    + " per second were asked for (timestamps keep increasing by 1 until the clock catches up)");
        }
    }

    @Override
    public String toString() {
        return "TimestampGenerators.monotonic()";
    }
}
