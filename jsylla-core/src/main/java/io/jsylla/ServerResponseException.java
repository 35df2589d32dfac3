package io.jsylla;

import java.net.InetSocketAddress;

/**
 * An ERROR a node answered with. Keeps the protocol error code and the node, so a failure can
 * always be traced to where it happened.
 */
public abstract class ServerResponseException extends ScyllaException {
    private static final long serialVersionUID = 1L;
    private final int code;
    private final transient InetSocketAddress node;

    protected ServerResponseException(int code, InetSocketAddress node, String message) {
        super(node == null ? message : message + " (node " + node.getHostString() + ":" + node.getPort() + ")");
        this.code = code;
        this.node = node;
    }

    /** The protocol error code, e.g. 0x2200 for an invalid query. */
    public int code() {
        return code;
    }

    /** The node that answered, or null when unknown. */
    public InetSocketAddress node() {
        return node;
    }
}
