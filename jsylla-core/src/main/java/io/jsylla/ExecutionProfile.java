package io.jsylla;

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

    private ExecutionProfile(Builder b) {
        this.consistency = b.consistency;
        this.serialConsistency = b.serialConsistency;
        this.requestTimeout = b.requestTimeout;
        this.pageSize = b.pageSize;
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

    @Override
    public String toString() {
        return "ExecutionProfile[consistency=" + consistency + ", serial=" + serialConsistency + ", timeout="
                + requestTimeout + ", pageSize=" + pageSize + "]";
    }

    public static final class Builder {
        private Consistency consistency;
        private Consistency serialConsistency;
        private Duration requestTimeout;
        private int pageSize;

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
