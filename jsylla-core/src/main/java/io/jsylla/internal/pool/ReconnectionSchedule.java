package io.jsylla.internal.pool;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delays between reconnection attempts: exponential from a base to a cap, with jitter so nodes
 * that failed together do not retry in lockstep.
 */
public final class ReconnectionSchedule {
    private final long baseMillis;
    private final long maxMillis;
    private int attempt;

    public ReconnectionSchedule(Duration base, Duration max) {
        this.baseMillis = base.toMillis();
        this.maxMillis = max.toMillis();
    }

    public long nextDelayMillis() {
        long exp = baseMillis << Math.min(attempt++, 20);
        long capped = Math.min(Math.max(exp, baseMillis), maxMillis);
        // ±15% jitter, never below the base
        long jitter = (long) (capped * 0.15 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        return Math.max(baseMillis, Math.min(maxMillis, capped + jitter));
    }

    public void reset() {
        attempt = 0;
    }
}
