package io.jsylla;

import java.net.InetSocketAddress;

/** The statement is syntactically valid but invalid (unknown table, bad types...) (protocol code 0x2200). */
public class InvalidQueryException extends ServerResponseException {
    private static final long serialVersionUID = 1L;
    public static final int CODE = 0x2200;

    public InvalidQueryException(InetSocketAddress node, String message) {
        super(CODE, node, message);
    }
}
