package io.jsylla;

import java.net.InetSocketAddress;

/** A TRUNCATE failed (protocol code 0x1003). */
public class TruncateException extends ServerResponseException {
    private static final long serialVersionUID = 1L;
    public static final int CODE = 0x1003;

    public TruncateException(InetSocketAddress node, String message) {
        super(CODE, node, message);
    }
}
