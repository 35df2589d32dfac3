package io.jsylla;

import java.net.InetSocketAddress;

/** A read timed out on the replicas (protocol code 0x1200). */
public class ReadTimeoutException extends QueryTimeoutException {
    private static final long serialVersionUID = 1L;
    public static final int CODE = 0x1200;
    private final boolean dataPresent;

    public ReadTimeoutException(InetSocketAddress node, String message, Consistency consistency, int received,
                                int blockFor, boolean dataPresent) {
        super(CODE, node, message, consistency, received, blockFor);
        this.dataPresent = dataPresent;
    }

    /** Whether the replica asked for the data answered (only digests may be missing). */
    public boolean dataPresent() {
        return dataPresent;
    }
}
