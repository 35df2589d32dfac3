package io.jsylla;

import java.net.InetSocketAddress;

/** The outcome of a conditional (LWT) write is unknown (protocol code 0x1700). */
public class CasWriteUnknownException extends QueryTimeoutException {
    private static final long serialVersionUID = 1L;
    public static final int CODE = 0x1700;

    public CasWriteUnknownException(InetSocketAddress node, String message, Consistency consistency, int received,
                                    int blockFor) {
        super(CODE, node, message, consistency, received, blockFor);
    }
}
