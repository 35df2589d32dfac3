package io.jsylla;

import java.net.InetSocketAddress;

/** The statement has a syntax error (protocol code 0x2000). */
public class SyntaxException extends ServerResponseException {
    private static final long serialVersionUID = 1L;
    public static final int CODE = 0x2000;

    public SyntaxException(InetSocketAddress node, String message) {
        super(CODE, node, message);
    }
}
