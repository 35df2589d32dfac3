package io.jsylla;

import java.net.InetSocketAddress;

/** A write failed because the CDC space is full (protocol code 0x1600). */
public class CdcWriteFailureException extends ServerResponseException {
    private static final long serialVersionUID = 1L;
    public static final int CODE = 0x1600;

    public CdcWriteFailureException(InetSocketAddress node, String message) {
        super(CODE, node, message);
    }
}
