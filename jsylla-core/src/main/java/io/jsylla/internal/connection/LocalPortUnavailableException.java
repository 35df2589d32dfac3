package io.jsylla.internal.connection;

import io.jsylla.ConnectionException;
import java.net.BindException;
import java.net.InetSocketAddress;

/**
 * The local address and port chosen for a connection could not be bound (in use, not available,
 * or not permitted): another port may work, so pools choosing ports try the next one.
 */
public final class LocalPortUnavailableException extends ConnectionException {
    private final InetSocketAddress local;

    LocalPortUnavailableException(InetSocketAddress node, InetSocketAddress local, Throwable cause) {
        super(node, "cannot bind local port " + local.getPort() + ": " + (cause == null ? "?" : cause.getMessage()), cause);
        this.local = local;
    }

    public InetSocketAddress local() {
        return local;
    }

    /**
     * Whether a connect failed for its local address: EADDRINUSE, EADDRNOTAVAIL (what a port in
     * TIME_WAIT gives with address reuse) or EACCES, as the JDK and Netty's native transports say them.
     */
    static boolean isBindFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BindException) return true;
            String m = c.getMessage();
            if (m != null && (m.contains("Address already in use") || m.contains("Cannot assign requested address")
                    || m.contains("Address not available"))) {
                return true;
            }
        }
        return false;
    }
}
