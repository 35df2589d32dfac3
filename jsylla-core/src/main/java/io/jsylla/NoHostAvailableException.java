package io.jsylla;

import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** No node could take the request (or the connect): names every node tried and why it failed. */
public class NoHostAvailableException extends ScyllaException {
    private static final long serialVersionUID = 1L;
    private final transient Map<InetSocketAddress, Throwable> errors;

    public NoHostAvailableException(String what, Map<InetSocketAddress, Throwable> errors) {
        super(message(what, errors));
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        errors.values().stream().findFirst().ifPresent(this::initCause);
    }

    /** Each node tried, in order, with the cause of its failure. */
    public Map<InetSocketAddress, Throwable> errors() {
        return errors;
    }

    private static String message(String what, Map<InetSocketAddress, Throwable> errors) {
        if (errors.isEmpty()) return what + ": no node to try";
        StringBuilder sb = new StringBuilder(what).append(": all ").append(errors.size())
                .append(errors.size() == 1 ? " node" : " nodes").append(" failed");
        errors.forEach((node, e) -> sb.append("\n  ").append(node.getHostString()).append(':').append(node.getPort())
                .append(": ").append(e.getClass().getSimpleName()).append(": ").append(e.getMessage()));
        return sb.toString();
    }
}
