package io.jsylla;

import java.net.InetSocketAddress;

/** The user lacks a permission the statement needs (protocol code 0x2100). */
public class UnauthorizedException extends ServerResponseException {
    private static final long serialVersionUID = 1L;
    public static final int CODE = 0x2100;

    public UnauthorizedException(InetSocketAddress node, String message) {
        super(CODE, node, message);
    }
}
