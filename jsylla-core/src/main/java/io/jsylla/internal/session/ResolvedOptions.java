package io.jsylla.internal.session;

import io.jsylla.Consistency;
import io.jsylla.ExecutionProfile;
import io.jsylla.StatementOptions;
import io.jsylla.internal.protocol.QueryParameters;
import io.jsylla.internal.request.ExecutionPolicies;
import io.jsylla.internal.request.RequestExecution;
import io.jsylla.policies.TimestampGenerator;
import java.util.Map;

/**
 * A statement's options with every gap filled: the statement's own, else its execution
 * profile's, else the session's.
 */
record ResolvedOptions(SessionConfig config, Consistency consistency, Consistency serialConsistency, int pageSize,
                       long timeoutMillis, boolean idempotent, boolean tracing, Long explicitTimestamp,
                       ExecutionPolicies policies) implements RequestExecution.Settings {

    ResolvedOptions idempotent(boolean on) {
        return new ResolvedOptions(config, consistency, serialConsistency, pageSize, timeoutMillis, on, tracing,
                explicitTimestamp, policies);
    }

    /** The write timestamp of one request: the statement's, else the generator's (once per request, kept on retries). */
    long timestamp() {
        return timestamp(System.nanoTime());
    }

    /** The same, for a request that read {@link System#nanoTime()} as it started (the generator may use it). */
    long timestamp(long startNanos) {
        if (explicitTimestamp != null) return explicitTimestamp;
        long ts = config.timestampGenerator().next(startNanos);
        return ts == TimestampGenerator.SERVER_SIDE ? QueryParameters.NO_TIMESTAMP : ts;
    }

    /** The statement's options, else its execution profile's, else the session's. */
    static ResolvedOptions resolve(StatementOptions o, SessionConfig config) {
        ExecutionProfile p = null;
        if (o.executionProfile() != null) {
            Map<String, ExecutionProfile> profiles = config.profiles();
            p = profiles.get(o.executionProfile());
            if (p == null) {
                throw new IllegalArgumentException("Unknown execution profile '" + o.executionProfile()
                        + "'; the session has " + profiles.keySet() + " (SessionBuilder.executionProfile)");
            }
        }
        Consistency c = o.consistency() != null ? o.consistency() : p != null && p.consistency() != null ? p.consistency() : config.consistency();
        Consistency s = o.serialConsistency() != null ? o.serialConsistency()
                : p != null && p.serialConsistency() != null ? p.serialConsistency() : config.serialConsistency();
        int page = o.pageSize() > 0 ? o.pageSize() : p != null && p.pageSize() > 0 ? p.pageSize() : config.pageSize();
        long timeout = (o.timeout() != null ? o.timeout() : p != null && p.requestTimeout() != null ? p.requestTimeout()
                : config.requestTimeout()).toMillis();
        ExecutionPolicies policies = new ExecutionPolicies(
                p != null && p.loadBalancingPolicy() != null ? p.loadBalancingPolicy() : config.loadBalancingPolicy(),
                p != null && p.retryPolicy() != null ? p.retryPolicy() : config.retryPolicy(),
                p != null && p.speculativeExecutionPolicy() != null ? p.speculativeExecutionPolicy() : config.speculativeExecutionPolicy());
        return new ResolvedOptions(config, c, s, page, timeout, Boolean.TRUE.equals(o.idempotent()), o.tracing(),
                o.timestamp(), policies);
    }
}
