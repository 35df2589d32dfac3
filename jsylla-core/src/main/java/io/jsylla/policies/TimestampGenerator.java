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
}
