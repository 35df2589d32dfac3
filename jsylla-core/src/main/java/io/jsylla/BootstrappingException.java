package io.jsylla;

import java.net.InetSocketAddress;

/** The coordinator is still bootstrapping (protocol code 0x1002). */
public class BootstrappingException extends ServerResponseException {
    private static final long serialVersionUID = 1L;
    public static final int CODE = 0x1002;

    public BootstrappingException(InetSocketAddress node, String message) {
        super(CODE, node, message);
    }
}
