package io.jsylla.internal.request;

import io.jsylla.BootstrappingException;
import io.jsylla.ConnectionException;
import io.jsylla.OverloadedException;
import io.jsylla.ReadTimeoutException;
import io.jsylla.ServerErrorException;
import io.jsylla.UnavailableException;
import io.jsylla.WriteTimeoutException;

/**
 * The default decisions, those of the established drivers: retry once what is known to be
 * safe and likely to succeed, and never run a non-idempotent statement twice when it may
 * already have reached a node.
 */
final class DefaultRetryRules {
    private DefaultRetryRules() {}

    /**
     * @param retries retries already made for this request
     * @param idempotent whether running the statement twice is harmless
     * @param mayHaveRun whether the failed attempt may have reached the node
     */
    static RetryDecision decide(Throwable error, int retries, boolean idempotent, boolean mayHaveRun) {
        if (error instanceof BootstrappingException) return RetryDecision.RETRY_NEXT; // the node ran nothing
        if (error instanceof ReadTimeoutException rt) {
            // Enough replicas answered, but the one asked for data did not: it likely will now.
            return retries == 0 && rt.received() >= rt.blockFor() && !rt.dataPresent()
                    ? RetryDecision.RETRY_SAME : RetryDecision.RETHROW;
        }
        if (error instanceof WriteTimeoutException wt) {
            // A batch-log write that timed out never applied the batch: safe to resend.
            return retries == 0 && "BATCH_LOG".equals(wt.writeType()) ? RetryDecision.RETRY_SAME : RetryDecision.RETHROW;
        }
        if (error instanceof UnavailableException) {
            // The coordinator may be the one partitioned away: another may see enough replicas.
            return retries == 0 ? RetryDecision.RETRY_NEXT : RetryDecision.RETHROW;
        }
        if (error instanceof OverloadedException || error instanceof ServerErrorException
                || error instanceof ConnectionException) {
            return !mayHaveRun || idempotent ? RetryDecision.RETRY_NEXT : RetryDecision.RETHROW;
        }
        return RetryDecision.RETHROW;
    }
}
