package io.jsylla;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;

/**
 * The per-statement options every statement kind carries. Immutable; unset options (null) fall
 * back to the execution profile's, then to the session's.
 */
public final class StatementOptions {
    /** Nothing set: every option comes from the profile or the session. */
    public static final StatementOptions DEFAULTS =
            new StatementOptions(null, null, 0, null, null, false, null, null, null, null);

    private final Consistency consistency;
    private final Consistency serialConsistency;
    private final int pageSize;
    private final Duration timeout;
    private final Boolean idempotent;
    private final boolean tracing;
    private final Long timestamp;
    private final String executionProfile;
    private final ByteBuffer routingKey;
    private final String routingKeyspace;

    private StatementOptions(Consistency consistency, Consistency serialConsistency, int pageSize, Duration timeout,
                             Boolean idempotent, boolean tracing, Long timestamp, String executionProfile,
                             ByteBuffer routingKey, String routingKeyspace) {
        this.consistency = consistency;
        this.serialConsistency = serialConsistency;
        this.pageSize = pageSize;
        this.timeout = timeout;
        this.idempotent = idempotent;
        this.tracing = tracing;
        this.timestamp = timestamp;
        this.executionProfile = executionProfile;
        this.routingKey = routingKey;
        this.routingKeyspace = routingKeyspace;
    }

    public StatementOptions withConsistency(Consistency c) {
        if (c != null && c.isSerial()) {
            throw new IllegalArgumentException(c + " is a serial consistency: use withSerialConsistency(" + c + ")");
        }
        return new StatementOptions(c, serialConsistency, pageSize, timeout, idempotent, tracing, timestamp, executionProfile, routingKey, routingKeyspace);
    }

    public StatementOptions withSerialConsistency(Consistency c) {
        if (c != null && !c.isSerial()) {
            throw new IllegalArgumentException("serial consistency must be SERIAL or LOCAL_SERIAL, not " + c);
        }
        return new StatementOptions(consistency, c, pageSize, timeout, idempotent, tracing, timestamp, executionProfile, routingKey, routingKeyspace);
    }

    public StatementOptions withPageSize(int size) {
        if (size < 0) throw new IllegalArgumentException("page size must not be negative: " + size);
        return new StatementOptions(consistency, serialConsistency, size, timeout, idempotent, tracing, timestamp, executionProfile, routingKey, routingKeyspace);
    }

    public StatementOptions withTimeout(Duration t) {
        if (t != null && (t.isNegative() || t.isZero())) throw new IllegalArgumentException("timeout must be positive: " + t);
        return new StatementOptions(consistency, serialConsistency, pageSize, t, idempotent, tracing, timestamp, executionProfile, routingKey, routingKeyspace);
    }

    public StatementOptions withIdempotent(Boolean on) {
        return new StatementOptions(consistency, serialConsistency, pageSize, timeout, on, tracing, timestamp, executionProfile, routingKey, routingKeyspace);
    }

    public StatementOptions withTracing(boolean on) {
        return new StatementOptions(consistency, serialConsistency, pageSize, timeout, idempotent, on, timestamp, executionProfile, routingKey, routingKeyspace);
    }

    public StatementOptions withTimestamp(Long microseconds) {
        return new StatementOptions(consistency, serialConsistency, pageSize, timeout, idempotent, tracing, microseconds, executionProfile, routingKey, routingKeyspace);
    }

    public StatementOptions withExecutionProfile(String name) {
        return new StatementOptions(consistency, serialConsistency, pageSize, timeout, idempotent, tracing, timestamp, name,
                routingKey, routingKeyspace);
    }

    /** The serialized partition key to route by (token awareness) when the driver cannot work it out. */
    public StatementOptions withRoutingKey(ByteBuffer key) {
        return new StatementOptions(consistency, serialConsistency, pageSize, timeout, idempotent, tracing, timestamp,
                executionProfile, key == null ? null : key.asReadOnlyBuffer(), routingKeyspace);
    }

    public StatementOptions withRoutingKeyspace(String keyspace) {
        return new StatementOptions(consistency, serialConsistency, pageSize, timeout, idempotent, tracing, timestamp,
                executionProfile, routingKey, keyspace);
    }

    /** The routing key given by the application, or null. */
    public ByteBuffer routingKey() {
        return routingKey == null ? null : routingKey.duplicate();
    }

    /** The keyspace to route in, given by the application, or null. */
    public String routingKeyspace() {
        return routingKeyspace;
    }

    /** Consistency, or null for the profile's or session's default. */
    public Consistency consistency() {
        return consistency;
    }

    public Consistency serialConsistency() {
        return serialConsistency;
    }

    /** Rows per page; 0 for the default. */
    public int pageSize() {
        return pageSize;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Whether the statement may safely run more than once; null when not said (then: not idempotent). */
    public Boolean idempotent() {
        return idempotent;
    }

    public boolean tracing() {
        return tracing;
    }

    /** Client-side write timestamp in microseconds since the epoch, or null for the default. */
    public Long timestamp() {
        return timestamp;
    }

    public String executionProfile() {
        return executionProfile;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StatementOptions s)) return false;
        return pageSize == s.pageSize && tracing == s.tracing && consistency == s.consistency
                && serialConsistency == s.serialConsistency && Objects.equals(timeout, s.timeout)
                && Objects.equals(idempotent, s.idempotent) && Objects.equals(timestamp, s.timestamp)
                && Objects.equals(executionProfile, s.executionProfile) && Objects.equals(routingKey, s.routingKey)
                && Objects.equals(routingKeyspace, s.routingKeyspace);
    }

    @Override
    public int hashCode() {
        return Objects.hash(consistency, serialConsistency, pageSize, timeout, idempotent, tracing, timestamp, executionProfile);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        if (consistency != null) sb.append("consistency=").append(consistency).append(", ");
        if (serialConsistency != null) sb.append("serial=").append(serialConsistency).append(", ");
        if (pageSize > 0) sb.append("pageSize=").append(pageSize).append(", ");
        if (timeout != null) sb.append("timeout=").append(timeout).append(", ");
        if (idempotent != null) sb.append("idempotent=").append(idempotent).append(", ");
        if (tracing) sb.append("tracing, ");
        if (timestamp != null) sb.append("timestamp=").append(timestamp).append(", ");
        if (executionProfile != null) sb.append("profile=").append(executionProfile).append(", ");
        if (routingKey != null) sb.append("routingKey=").append(routingKey.remaining()).append(" bytes, ");
        if (routingKeyspace != null) sb.append("routingKeyspace=").append(routingKeyspace).append(", ");
        if (sb.length() > 1) sb.setLength(sb.length() - 2);
        return sb.append('}').toString();
    }
}
