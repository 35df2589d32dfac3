package io.jsylla;

import java.net.InetSocketAddress;

/** The node refused the credentials (protocol code 0x0100). */
public class AuthenticationException extends ServerResponseException {
    private static final long serialVersionUID = 1L;
    public static final int CODE = 0x0100;

    public AuthenticationException(InetSocketAddress node, String message) {
        super(CODE, node, message);
    }
}
