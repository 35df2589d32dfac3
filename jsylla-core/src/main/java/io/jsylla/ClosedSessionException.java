package io.jsylla;

/** The session was closed; it takes no more requests. */
public class ClosedSessionException extends ScyllaException {
    private static final long serialVersionUID = 1L;

    public ClosedSessionException() {
        super("The session is closed");
    }
}
