package io.jsylla.policies;

import io.jsylla.ReadTimeoutException;
import io.jsylla.UnavailableException;
import io.jsylla.WriteTimeoutException;

/**
 * Decides whether a failed attempt is tried again. The session enforces one rule above any
 * policy: a statement not marked idempotent is never run again once it may have reached a
 * node (so {@link #onWriteTimeout} and {@link #onRequestError} for such requests are not even
 * asked).
 *
 * <p>{@code retries} is how often this execution of the request (the first one, or a
 * speculative one) was already retried after an error of the same kind: read timeouts, write
 * timeouts, unavailable, and the rest each count apart, so a policy can allow one retry per kind.
 *
 * @see io.jsylla.policies.RetryPolicies
 */
public interface RetryPolicy {

    /** Replicas did not answer a read in time. */
    RetryDecision onReadTimeout(RequestInfo request, ReadTimeoutException error, int retries);

    /** Replicas did not acknowledge a write in time (only asked for idempotent statements). */
    RetryDecision onWriteTimeout(RequestInfo request, WriteTimeoutException error, int retries);

    /** The coordinator knew too few replicas alive to try. */
    RetryDecision onUnavailable(RequestInfo request, UnavailableException error, int retries);

    /**
     * Any other failure: a connection that broke, an overloaded or bootstrapping node, a server
     * error. {@code mayHaveRun} says whether the request may have reached the node.
     */
    RetryDecision onRequestError(RequestInfo request, Throwable error, boolean mayHaveRun, int retries);
}
