package io.jsylla.policies;

import io.jsylla.BootstrappingException;
import io.jsylla.ConnectionException;
import io.jsylla.Consistency;
import io.jsylla.OverloadedException;
import io.jsylla.ReadTimeoutException;
import io.jsylla.ServerErrorException;
import io.jsylla.ServerResponseException;
import io.jsylla.UnavailableException;
import io.jsylla.WriteTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The built-in {@link RetryPolicy retry policies}. */
public final class RetryPolicies {
    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicies.class);

    private static final RetryPolicy DEFAULT = new DefaultRetryPolicy();
    private static final RetryPolicy FALLTHROUGH = new FallthroughRetryPolicy();
    private static final RetryPolicy DOWNGRADING = new DowngradingRetryPolicy();

    private RetryPolicies() {}

    /**
     * The default, which retries only when it is safe and likely to help, at most once per error
     * kind:
     * <ul>
     *   <li>read timeout: once on the same node, when enough replicas answered but not the one
     *       asked for the data (the retry will likely find it);</li>
     *   <li>write timeout: once on the same node, only for a {@code BATCH_LOG} write (the batch
     *       log is idempotent by design);</li>
     *   <li>unavailable: once on the next node (this coordinator may be cut off from the others);</li>
     *   <li>a broken connection, an overloaded, bootstrapping or failing node: on the next node,
     *       if the request cannot have run there or is idempotent;</li>
     *   <li>anything else: rethrown.</li>
     * </ul>
     */
    public static RetryPolicy defaultPolicy() {
        return DEFAULT;
    }

    /** Never retries: every error reaches the caller, who decides. */
    public static RetryPolicy fallthrough() {
        return FALLTHROUGH;
    }

    /**
     * Like {@link #defaultPolicy()}, but when too few replicas answer or are alive for the
     * consistency level, retries once on the same node at the highest level those replicas can
     * still satisfy ({@code THREE}, {@code TWO} or {@code ONE}), logging a warning. Use it only if
     * a weaker answer is better than none: it silently trades consistency for availability.
     * Serial levels are never lowered.
     */
    public static RetryPolicy downgradingConsistency() {
        return DOWNGRADING;
    }

    /** Whether a failure before or outside the replicas is worth trying on another node. */
    static RetryDecision retryNextIfSafe(RequestInfo request, Throwable error, boolean mayHaveRun) {
        boolean transientFailure = error instanceof ConnectionException || error instanceof OverloadedException
                || error instanceof BootstrappingException || error instanceof ServerErrorException;
        return transientFailure && (!mayHaveRun || request.idempotent()) ? RetryDecision.RETRY_NEXT : RetryDecision.RETHROW;
    }

    private static final class DefaultRetryPolicy implements RetryPolicy {
        @Override
        public RetryDecision onReadTimeout(RequestInfo request, ReadTimeoutException error, int retries) {
            return retries == 0 && error.received() >= error.blockFor() && !error.dataPresent()
                    ? RetryDecision.RETRY_SAME : RetryDecision.RETHROW;
        }

        @Override
        public RetryDecision onWriteTimeout(RequestInfo request, WriteTimeoutException error, int retries) {
            return retries == 0 && "BATCH_LOG".equals(error.writeType()) ? RetryDecision.RETRY_SAME : RetryDecision.RETHROW;
        }

        @Override
        public RetryDecision onUnavailable(RequestInfo request, UnavailableException error, int retries) {
            return retries == 0 ? RetryDecision.RETRY_NEXT : RetryDecision.RETHROW;
        }

        @Override
        public RetryDecision onRequestError(RequestInfo request, Throwable error, boolean mayHaveRun, int retries) {
            return retryNextIfSafe(request, error, mayHaveRun);
        }

        @Override
        public String toString() {
            return "RetryPolicies.defaultPolicy()";
        }
    }

    private static final class FallthroughRetryPolicy implements RetryPolicy {
        @Override
        public RetryDecision onReadTimeout(RequestInfo request, ReadTimeoutException error, int retries) {
            return RetryDecision.RETHROW;
        }

        @Override
        public RetryDecision onWriteTimeout(RequestInfo request, WriteTimeoutException error, int retries) {
            return RetryDecision.RETHROW;
        }

        @Override
        public RetryDecision onUnavailable(RequestInfo request, UnavailableException error, int retries) {
            return RetryDecision.RETHROW;
        }

        @Override
        public RetryDecision onRequestError(RequestInfo request, Throwable error, boolean mayHaveRun, int retries) {
            return RetryDecision.RETHROW;
        }

        @Override
        public String toString() {
            return "RetryPolicies.fallthrough()";
        }
    }

    private static final class DowngradingRetryPolicy implements RetryPolicy {
        @Override
        public RetryDecision onReadTimeout(RequestInfo request, ReadTimeoutException error, int retries) {
            // A serial read is mostly done to learn what a timed-out CAS did: a weaker answer is wrong.
            if (retries != 0 || isSerial(error.consistency())) return RetryDecision.RETHROW;
            if (error.received() < error.blockFor()) return downgrade(error, error.consistency(), error.received());
            return error.dataPresent() ? RetryDecision.RETHROW : RetryDecision.RETRY_SAME;
        }

        @Override
        public RetryDecision onWriteTimeout(RequestInfo request, WriteTimeoutException error, int retries) {
            if (retries != 0 || isSerial(error.consistency())) return RetryDecision.RETHROW;
            String type = error.writeType();
            // Part of an unlogged batch may be missing: write it all again where it can succeed.
            if ("UNLOGGED_BATCH".equals(type)) return downgrade(error, error.consistency(), error.received());
            // The batch log is written but not yet replayed: trying again is safe and cheap.
            if ("BATCH_LOG".equals(type)) return RetryDecision.RETRY_SAME;
            return RetryDecision.RETHROW;
        }

        @Override
        public RetryDecision onUnavailable(RequestInfo request, UnavailableException error, int retries) {
            if (retries != 0) return RetryDecision.RETHROW;
            // Not lowered, but another coordinator may see more replicas for the Paxos round.
            if (isSerial(error.consistency())) return RetryDecision.RETRY_NEXT;
            return downgrade(error, error.consistency(), error.alive());
        }

        @Override
        public RetryDecision onRequestError(RequestInfo request, Throwable error, boolean mayHaveRun, int retries) {
            return retryNextIfSafe(request, error, mayHaveRun);
        }

        private static RetryDecision downgrade(ServerResponseException error, Consistency from, int replicas) {
            Consistency to = highestSatisfiable(replicas);
            if (to == null) return RetryDecision.RETHROW;
            LOG.warn("Retrying at {} instead of {} on node {}: only {} replica(s) answered or alive ({})",
                    to, from, error.node(), replicas, error.getMessage());
            return RetryDecision.retrySame(to);
        }

        @Override
        public String toString() {
            return "RetryPolicies.downgradingConsistency()";
        }
    }

    /** The highest non-datacenter-aware level {@code replicas} replicas satisfy, or null for none. */
    static Consistency highestSatisfiable(int replicas) {
        if (replicas >= 3) return Consistency.THREE;
        if (replicas == 2) return Consistency.TWO;
        if (replicas == 1) return Consistency.ONE;
        return null;
    }

    private static boolean isSerial(Consistency consistency) {
        return consistency != null && consistency.isSerial();
    }
}
