package io.jsylla.policies;

/**
 * Decides when to start another execution of a slow request on the next node of its plan,
 * racing the first: the first answer wins, the others are cancelled. Only ever applied to
 * idempotent statements.
 *
 * @see io.jsylla.policies.SpeculativeExecutions
 */
public interface SpeculativeExecutionPolicy {

    /**
     * Milliseconds to wait, after the latest execution started, before starting execution
     * number {@code running + 1}; a negative value starts no more.
     *
     * @param running executions started so far (1 for the first)
     */
    long nextDelayMillis(RequestInfo request, int running);

    /** Told the latency of every successful request, for policies that adapt to it. */
    default void onLatency(long latencyNanos) {}

    /** No speculative executions: the default. */
    SpeculativeExecutionPolicy NONE = (request, running) -> -1;
}
