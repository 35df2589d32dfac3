package io.jsylla;

import java.net.InetSocketAddress;

/**
 * The node does not know a prepared statement id (protocol code 0x2500). The driver re-prepares
 * and retries on its own; this surfaces only if that fails too.
 */
public class UnpreparedException extends ServerResponseException {
    private static final long serialVersionUID = 1L;
    public static final int CODE = 0x2500;

    public UnpreparedException(InetSocketAddress node, String message) {
        super(CODE, node, message);
    }
}
