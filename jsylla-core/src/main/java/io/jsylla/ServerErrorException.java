package io.jsylla;

import java.net.InetSocketAddress;

/** The node failed with an internal error (protocol code 0x0000). */
public class ServerErrorException extends ServerResponseException {
    private static final long serialVersionUID = 1L;
    public static final int CODE = 0x0000;

    public ServerErrorException(InetSocketAddress node, String message) {
        super(CODE, node, message);
    }
}
