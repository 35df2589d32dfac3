package io.jsylla.internal.session;

import io.jsylla.Consistency;
import io.jsylla.ExecutionProfile;
import io.jsylla.StatementOptions;
import io.jsylla.internal.protocol.QueryParameters;
import io.jsylla.internal.request.ExecutionPolicies;
import io.jsylla.policies.TimestampGenerator;
import java.util.Map;

/**
 * A statement's options with every gap filled: the statement's own, else its execution
 * profile's, else the session's.
 */
record ResolvedOptions(Consistency consistency, Consistency serialConsistency, int pageSize, long timeoutMillis,
                       boolean idempotent, boolean tracing, long timestamp, ExecutionPolicies policies) {

    ResolvedOptions idempotent(boolean on) {
        return new ResolvedOptions(consistency, serialConsistency, pageSize, timeoutMillis, on, tracing, timestamp, policies);
    }

    static ResolvedOptions of(StatementOptions o, SessionConfig config) {
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
        long ts = o.timestamp() != null ? o.timestamp() : config.timestampGenerator().next();
        return new ResolvedOptions(c, s, page, timeout, Boolean.TRUE.equals(o.idempotent()), o.tracing(),
                ts == TimestampGenerator.SERVER_SIDE ? QueryParameters.NO_TIMESTAMP : ts, policies);
    }
}
