package io.jsylla;

import java.net.InetSocketAddress;

/** A write timed out on the replicas (protocol code 0x1100); it may or may not have been applied. */
public class WriteTimeoutException extends QueryTimeoutException {
    private static final long serialVersionUID = 1L;
    public static final int CODE = 0x1100;
    private final String writeType;

    public WriteTimeoutException(InetSocketAddress node, String message, Consistency consistency, int received,
                                 int blockFor, String writeType) {
        super(CODE, node, message, consistency, received, blockFor);
        this.writeType = writeType;
    }

    /** SIMPLE, BATCH, BATCH_LOG, UNLOGGED_BATCH, COUNTER, CAS, VIEW or CDC. */
    public String writeType() {
        return writeType;
    }
}
