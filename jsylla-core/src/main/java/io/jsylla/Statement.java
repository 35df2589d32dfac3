package io.jsylla;

import java.time.Duration;

/**
 * What {@link Session#execute(Statement)} runs: a {@link Query}, a {@link BoundStatement}, a
 * {@link Batch}, or a {@link PreparedStatement} without variables. Immutable: every
 * {@code with...} returns a copy.
 *
 * @param <S> the statement's own type, returned by the {@code with...} methods
 */
public abstract class Statement<S extends Statement<S>> {
    private final StatementOptions options;

    Statement(StatementOptions options) {
        this.options = options;
    }

    /** A copy with every option replaced by {@code options}. */
    public abstract S withOptions(StatementOptions options);

    public StatementOptions options() {
        return options;
    }

    public S withConsistency(Consistency consistency) {
        return withOptions(options.withConsistency(consistency));
    }

    public S withSerialConsistency(Consistency serialConsistency) {
        return withOptions(options.withSerialConsistency(serialConsistency));
    }

    /** Rows per page when reading; 0 for the default. */
    public S withPageSize(int pageSize) {
        return withOptions(options.withPageSize(pageSize));
    }

    /** Time the whole request (retries included) may take before it fails with {@link RequestTimeoutException}. */
    public S withTimeout(Duration timeout) {
        return withOptions(options.withTimeout(timeout));
    }

    /** Whether running the statement twice is harmless: only then is it retried or run speculatively. */
    public S withIdempotent(boolean idempotent) {
        return withOptions(options.withIdempotent(idempotent));
    }

    /** Asks the coordinator to trace the request; see {@link QueryResult#tracingId()}. */
    public S withTracing(boolean tracing) {
        return withOptions(options.withTracing(tracing));
    }

    /** The write timestamp, in microseconds since the epoch. */
    public S withTimestamp(long microseconds) {
        return withOptions(options.withTimestamp(microseconds));
    }

    /** Runs with the named execution profile's defaults. */
    public S withExecutionProfile(String profile) {
        return withOptions(options.withExecutionProfile(profile));
    }

    /**
     * The partition key to route by, serialized (one component; or several in CQL's composite
     * form, see {@link #withRoutingValues}). Bound statements know their key; give it for a
     * {@link Query} run without values, or a batch, to make it token-aware.
     */
    public S withRoutingKey(java.nio.ByteBuffer key) {
        return withOptions(options.withRoutingKey(key));
    }

    /** The partition key to route by, as its column values in key order (serialized by their Java types). */
    public S withRoutingValues(Object... partitionKeyValues) {
        return withOptions(options.withRoutingKey(io.jsylla.internal.routing.PartitionKeys.fromValues(partitionKeyValues)));
    }

    /** The keyspace the routing key belongs to, when the statement does not say (unqualified table, no session keyspace). */
    public S withRoutingKeyspace(String keyspace) {
        return withOptions(options.withRoutingKeyspace(keyspace));
    }

    public Consistency getConsistency() {
        return options.consistency();
    }

    public Consistency getSerialConsistency() {
        return options.serialConsistency();
    }

    public int getPageSize() {
        return options.pageSize();
    }

    public Duration getTimeout() {
        return options.timeout();
    }

    public boolean isIdempotent() {
        return Boolean.TRUE.equals(options.idempotent());
    }

    public boolean isTracing() {
        return options.tracing();
    }

    /** The write timestamp in microseconds, or null when the default applies. */
    public Long getTimestamp() {
        return options.timestamp();
    }

    public String getExecutionProfile() {
        return options.executionProfile();
    }
}
