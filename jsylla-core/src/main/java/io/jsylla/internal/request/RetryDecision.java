package io.jsylla.internal.request;

/** What to do after an attempt failed. */
public enum RetryDecision {
    /** Try the same node again. */
    RETRY_SAME,
    /** Try the next node of the plan. */
    RETRY_NEXT,
    /** Give up: the error goes to the application. */
    RETHROW
}
