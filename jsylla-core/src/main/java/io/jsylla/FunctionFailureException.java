package io.jsylla;

import java.net.InetSocketAddress;
import java.util.List;

/** A user-defined function failed while running (protocol code 0x1400). */
public class FunctionFailureException extends ServerResponseException {
    private static final long serialVersionUID = 1L;
    public static final int CODE = 0x1400;
    private final String keyspace;
    private final String function;
    private final List<String> argumentTypes;

    public FunctionFailureException(InetSocketAddress node, String message, String keyspace, String function,
                                    List<String> argumentTypes) {
        super(CODE, node, message);
        this.keyspace = keyspace;
        this.function = function;
        this.argumentTypes = List.copyOf(argumentTypes);
    }

    public String keyspace() {
        return keyspace;
    }

    public String function() {
        return function;
    }

    public List<String> argumentTypes() {
        return argumentTypes;
    }
}
