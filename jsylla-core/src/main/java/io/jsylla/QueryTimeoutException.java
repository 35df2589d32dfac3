package io.jsylla;

import java.net.InetSocketAddress;

/** Replicas did not answer the coordinator in time: the common part of read and write timeouts. */
public abstract class QueryTimeoutException extends ServerResponseException {
    private static final long serialVersionUID = 1L;
    private final Consistency consistency;
    private final int received;
    private final int blockFor;

    protected QueryTimeoutException(int code, InetSocketAddress node, String message, Consistency consistency,
                                    int received, int blockFor) {
        super(code, node, message);
        this.consistency = consistency;
        this.received = received;
        this.blockFor = blockFor;
    }

    public Consistency consistency() {
        return consistency;
    }

    /** Replicas that answered. */
    public int received() {
        return received;
    }

    /** Replicas the consistency level waited for. */
    public int blockFor() {
        return blockFor;
    }
}
