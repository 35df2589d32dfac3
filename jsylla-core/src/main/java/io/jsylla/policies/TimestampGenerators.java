package io.jsylla.policies;

/**
 * The built-in {@link TimestampGenerator timestamp generators}. Client-side timestamps (the
 * default) make the order of a client's writes the order it sent them, even when they reach
 * different coordinators.
 */
public final class TimestampGenerators {
    private static final TimestampGenerator SERVER_SIDE = new TimestampGenerator() {
        @Override
        public long next() {
            return TimestampGenerator.SERVER_SIDE;
        }

        @Override
        public String toString() {
            return "TimestampGenerators.serverSide()";
        }
    };

    private TimestampGenerators() {}

    /**
     * The default: microseconds since the epoch from the wall clock, strictly increasing across
     * all threads using this generator. When the clock goes back (or more than a million
     * timestamps are asked for in a second), it returns the previous value plus one, and warns
     * about clock drift (at most every 10 s) once it runs more than a second ahead of the clock.
     * Each call returns a new generator; share one per session.
     */
    public static TimestampGenerator monotonic() {
        return new MonotonicTimestampGenerator();
    }

    /** Leaves timestamps to the coordinators: each node's clock orders the writes it coordinates. */
    public static TimestampGenerator serverSide() {
        return SERVER_SIDE;
    }
}
