package io.jsylla;

import java.net.InetSocketAddress;
import java.net.InetAddress;
import java.util.Map;

/** Replicas answered with a failure: the common part of read and write failures. */
public abstract class QueryFailureException extends QueryTimeoutException {
    private static final long serialVersionUID = 1L;
    private final int numFailures;
    private final transient Map<InetAddress, Integer> reasons;

    protected QueryFailureException(int code, InetSocketAddress node, String message, Consistency consistency,
                                    int received, int blockFor, int numFailures, Map<InetAddress, Integer> reasons) {
        super(code, node, message, consistency, received, blockFor);
        this.numFailures = numFailures;
        this.reasons = Map.copyOf(reasons);
    }

    public int numFailures() {
        return numFailures;
    }

    /** Failure code per replica (protocol v5 only; empty on v4). */
    public Map<InetAddress, Integer> reasons() {
        return reasons;
    }
}
