package io.jsylla;

import java.net.InetSocketAddress;

/**
 * ScyllaDB refused the operation because a per-partition rate limit was reached
 * ({@code SCYLLA_RATE_LIMIT_ERROR}, negotiated per connection). A write that the coordinator
 * rejected ({@link #rejectedByCoordinator()}) was not applied on any replica; one rejected by a
 * replica may have been applied on others. The default retry policy does not retry it: the
 * limit is the application's to respect (speculative executions of idempotent statements may still
 * run).
 */
public class RateLimitException extends ServerResponseException {
    private static final long serialVersionUID = 1L;
    private final boolean read;
    private final boolean rejectedByCoordinator;

    public RateLimitException(int code, InetSocketAddress node, String message, boolean read, boolean rejectedByCoordinator) {
        super(code, node, message);
        this.read = read;
        this.rejectedByCoordinator = rejectedByCoordinator;
    }

    /** Whether the limited operation was a read (else a write). */
    public boolean isRead() {
        return read;
    }

    /** Whether the coordinator itself rejected the operation (for a write: nothing was applied). */
    public boolean rejectedByCoordinator() {
        return rejectedByCoordinator;
    }
}
