package io.jsylla.policies;

import io.jsylla.Consistency;

/**
 * What to do after a failed attempt: retry on the same node, on the next node of the plan, or
 * give up; a retry may lower the consistency (downgrading policies).
 *
 * @param consistency the consistency of the retry, or null to keep the statement's
 */
public record RetryDecision(Kind kind, Consistency consistency) {
    /** The three outcomes. */
    public enum Kind { RETRY_SAME, RETRY_NEXT, RETHROW }

    public static final RetryDecision RETRY_SAME = new RetryDecision(Kind.RETRY_SAME, null);
    public static final RetryDecision RETRY_NEXT = new RetryDecision(Kind.RETRY_NEXT, null);
    public static final RetryDecision RETHROW = new RetryDecision(Kind.RETHROW, null);

    public static RetryDecision retrySame(Consistency consistency) {
        return new RetryDecision(Kind.RETRY_SAME, consistency);
    }

    public static RetryDecision retryNext(Consistency consistency) {
        return new RetryDecision(Kind.RETRY_NEXT, consistency);
    }
}
