package io.jsylla;

import java.net.InetSocketAddress;

/** ScyllaDB refused the operation because a per-partition rate limit was reached. */
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

    public boolean rejectedByCoordinator() {
        return rejectedByCoordinator;
    }
}
