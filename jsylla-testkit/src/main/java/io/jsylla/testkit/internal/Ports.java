package io.jsylla.testkit.internal;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks, before a node is launched, that the ports it will listen on are free. */
public final class Ports {
    private Ports() {}

    /**
     * Binds and releases {@code host:port}; on failure throws with a message naming the port,
     * what it is for, and how to choose another.
     */
    public static void requireFree(String host, int port, String purpose, String option) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true); // as Cassandra does; TIME_WAIT leftovers do not count as taken
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (BindException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("assign")) {
                throw new IllegalStateException("Address " + host + " is not available on this machine"
                        + " (needed for " + purpose + "); on macOS add it as a loopback alias:"
                        + " sudo ifconfig lo0 alias " + host, e);
            }
            throw new IllegalStateException("Port " + port + " on " + host + " (" + purpose
                    + ") is already in use; stop what listens there or choose another port with "
                    + option, e);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot check port " + port + " on " + host
                    + " (" + purpose + "): " + e.getMessage(), e);
        }
    }
}
