package io.jsylla;

import java.net.InetSocketAddress;

/** The coordinator is overloaded and refused the request (protocol code 0x1001). */
public class OverloadedException extends ServerResponseException {
    private static final long serialVersionUID = 1L;
    public static final int CODE = 0x1001;

    public OverloadedException(InetSocketAddress node, String message) {
        super(CODE, node, message);
    }
}
