package io.jsylla;

/** The request did not complete within its timeout; it may still have been applied. */
public class RequestTimeoutException extends ScyllaException {
    private static final long serialVersionUID = 1L;

    public RequestTimeoutException(String message) {
        super(message);
    }
}
