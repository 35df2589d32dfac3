package io.jsylla.testkit;

/** A node that did not come up: its message says why and quotes the end of the node's logs. */
public final class NodeStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NodeStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
