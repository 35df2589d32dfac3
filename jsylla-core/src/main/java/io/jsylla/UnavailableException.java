package io.jsylla;

import java.net.InetSocketAddress;

/** Too few replicas were alive to even try the request at its consistency (protocol code 0x1000). */
public class UnavailableException extends ServerResponseException {
    private static final long serialVersionUID = 1L;
    public static final int CODE = 0x1000;
    private final Consistency consistency;
    private final int required;
    private final int alive;

    public UnavailableException(InetSocketAddress node, String message, Consistency consistency, int required, int alive) {
        super(CODE, node, message);
        this.consistency = consistency;
        this.required = required;
        this.alive = alive;
    }

    public Consistency consistency() {
        return consistency;
    }

    /** Replicas the consistency level needed. */
    public int required() {
        return required;
    }

    /** Replicas the coordinator knew alive. */
    public int alive() {
        return alive;
    }
}
