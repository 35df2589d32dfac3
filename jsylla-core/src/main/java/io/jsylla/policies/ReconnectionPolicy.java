package io.jsylla.policies;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delays between attempts to reconnect to a node (or a control connection) that is gone. One
 * {@link Schedule} per reconnection episode.
 */
public interface ReconnectionPolicy {

    Schedule newSchedule();

    /** The delays of one episode. */
    interface Schedule {
        Duration nextDelay();
    }

    /** Doubling from {@code base} up to {@code max}, with ±15% jitter (so nodes lost together do not retry in lockstep). */
    static ReconnectionPolicy exponential(Duration base, Duration max) {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("exponential reconnection needs 0 < base <= max: " + base + ", " + max);
        }
        return () -> new Schedule() {
            private int attempt;

            @Override
            public Duration nextDelay() {
                long b = base.toMillis();
                long exp = Math.min(max.toMillis(), b << Math.min(attempt++, 30));
                long jitter = (long) (exp * 0.15 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
                return Duration.ofMillis(Math.max(b, Math.min(max.toMillis(), exp + jitter)));
            }
        };
    }

    /** The same delay every time. */
    static ReconnectionPolicy constant(Duration delay) {
        if (delay.isNegative() || delay.isZero()) throw new IllegalArgumentException("constant reconnection delay must be positive: " + delay);
        return () -> () -> delay;
    }

    /** The default: exponential from 1 s to 60 s. */
    static ReconnectionPolicy defaultPolicy() {
        return exponential(Duration.ofSeconds(1), Duration.ofSeconds(60));
    }
}
