package io.jsylla.policies;

/**
 * The write timestamp of each request, in microseconds since the epoch, or
 * {@link #SERVER_SIDE} to let the coordinator assign it.
 *
 * @see io.jsylla.policies.TimestampGenerators
 */
public interface TimestampGenerator {
    /** Returned to leave the timestamp to the server. */
    long SERVER_SIDE = Long.MIN_VALUE;

    long next();

    /**
     * The next timestamp, for a request that has just read {@link System#nanoTime()} as it
     * started: a generator that measures time with that clock may use this reading instead of
     * taking one of its own. By default, {@link #next()}.
     */
    default long next(long nanoTime) {
        return next();
    }
}
