package io.jsylla;

import java.net.InetSocketAddress;

/** A connection to a node could not be opened, or broke while a request was on it. */
public class ConnectionException extends ScyllaException {
    private static final long serialVersionUID = 1L;
    private final transient InetSocketAddress node;

    public ConnectionException(InetSocketAddress node, String message, Throwable cause) {
        super(node == null ? message : node.getHostString() + ":" + node.getPort() + ": " + message, cause);
        this.node = node;
    }

    public InetSocketAddress node() {
        return node;
    }
}
