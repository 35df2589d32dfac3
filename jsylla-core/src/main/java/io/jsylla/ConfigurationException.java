package io.jsylla;

import java.net.InetSocketAddress;

/** The statement is invalid for the configuration (protocol code 0x2300). */
public class ConfigurationException extends ServerResponseException {
    private static final long serialVersionUID = 1L;
    public static final int CODE = 0x2300;

    public ConfigurationException(InetSocketAddress node, String message) {
        super(CODE, node, message);
    }
}
