package io.jsylla;

import java.net.InetSocketAddress;

/** A protocol violation: a malformed frame, on either side (protocol code 0x000A). */
public class ProtocolException extends ServerResponseException {
    private static final long serialVersionUID = 1L;
    public static final int CODE = 0x000A;

    public ProtocolException(InetSocketAddress node, String message) {
        super(CODE, node, message);
    }
}
