package io.jsylla;

import io.jsylla.policies.LoadBalancingPolicy;
import io.jsylla.policies.RetryPolicy;
import io.jsylla.policies.SpeculativeExecutionPolicy;
import java.time.Duration;

/**
 * Named defaults a statement can choose with {@link Statement#withExecutionProfile}: what it
 * does not set itself comes from its profile, then from the session.
 */
public final class ExecutionProfile {
    private final Consistency consistency;
    private final Consistency serialConsistency;
    private final Duration requestTimeout;
    private final int pageSize;
    private final LoadBalancingPolicy loadBalancingPolicy;
    private final RetryPolicy retryPolicy;
    private final SpeculativeExecutionPolicy speculativeExecutionPolicy;

    private ExecutionProfile(Builder b) {
        this.consistency = b.consistency;
        this.serialConsistency = b.serialConsistency;
        this.requestTimeout = b.requestTimeout;
        this.pageSize = b.pageSize;
        this.loadBalancingPolicy = b.loadBalancingPolicy;
        this.retryPolicy = b.retryPolicy;
        this.speculativeExecutionPolicy = b.speculativeExecutionPolicy;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Null when the session's default applies. */
    public Consistency consistency() {
        return consistency;
    }

    public Consistency serialConsistency() {
        return serialConsistency;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** 0 when the session's default applies. */
    public int pageSize() {
        return pageSize;
    }

    /** Null when the session's applies. */
    public LoadBalancingPolicy loadBalancingPolicy() {
        return loadBalancingPolicy;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public SpeculativeExecutionPolicy speculativeExecutionPolicy() {
        return speculativeExecutionPolicy;
    }

    @Override
    public String toString() {
        return "ExecutionProfile[consistency=" + consistency + ", serial=" + serialConsistency + ", timeout="
                + requestTimeout + ", pageSize=" + pageSize + ", loadBalancing=" + loadBalancingPolicy + ", retry="
                + retryPolicy + ", speculative=" + speculativeExecutionPolicy + "]";
    }

    public static final class Builder {
        Builder() {}

        private Consistency consistency;
        private Consistency serialConsistency;
        private Duration requestTimeout;
        private int pageSize;
        private LoadBalancingPolicy loadBalancingPolicy;
        private RetryPolicy retryPolicy;
        private SpeculativeExecutionPolicy speculativeExecutionPolicy;

        public Builder loadBalancingPolicy(LoadBalancingPolicy policy) {
            this.loadBalancingPolicy = java.util.Objects.requireNonNull(policy, "loadBalancingPolicy");
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = java.util.Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        public Builder speculativeExecutionPolicy(SpeculativeExecutionPolicy policy) {
            this.speculativeExecutionPolicy = java.util.Objects.requireNonNull(policy, "speculativeExecutionPolicy");
            return this;
        }

        public Builder consistency(Consistency c) {
            StatementOptions.DEFAULTS.withConsistency(c); // same validation as statements
            this.consistency = c;
            return this;
        }

        public Builder serialConsistency(Consistency c) {
            StatementOptions.DEFAULTS.withSerialConsistency(c);
            this.serialConsistency = c;
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            StatementOptions.DEFAULTS.withTimeout(timeout);
            this.requestTimeout = timeout;
            return this;
        }

        public Builder pageSize(int size) {
            StatementOptions.DEFAULTS.withPageSize(size);
            this.pageSize = size;
            return this;
        }

        public ExecutionProfile build() {
            return new ExecutionProfile(this);
        }
    }
}
