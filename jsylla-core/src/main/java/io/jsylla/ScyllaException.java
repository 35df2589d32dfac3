package io.jsylla;

/** Base of every error jsylla raises: unchecked, so async and blocking code handle it alike. */
public class ScyllaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScyllaException(String message) {
        super(message);
    }

    public ScyllaException(String message, Throwable cause) {
        super(message, cause);
    }
}
