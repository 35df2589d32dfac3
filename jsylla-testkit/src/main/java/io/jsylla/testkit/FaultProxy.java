package io.jsylla.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy in front of a node, for what a real node cannot be made to do on demand: stop
 * answering ({@link #pause()}), answer slowly ({@link #delay}), or drop every connection
 * ({@link #cutConnections()}). Clients connect to {@link #address()}; bytes are forwarded as
 * they are, in both directions, one thread per direction.
 */
public final class FaultProxy implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FaultProxy.class);

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private final AtomicLong accepted = new AtomicLong();
    private volatile boolean paused;
    private volatile long delayMillis;
    private volatile boolean closed;

    /** Listens on an ephemeral port of {@code bindHost} (e.g. 127.0.0.1) and forwards to {@code target}. */
    public FaultProxy(String bindHost, InetSocketAddress target) {
        this.target = target;
        try {
            this.server = new ServerSocket(0, 128, InetAddress.getByName(bindHost));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a proxy port on " + bindHost, e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "fault-proxy-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** {@code host:port} of the proxy, as a driver contact point. */
    public String contactPoint() {
        return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    /** Holds every byte in both directions until {@link #resume()}: a node that stopped answering. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        synchronized (gate) {
            paused = false;
            gate.notifyAll();
        }
    }

    /** Holds each chunk of bytes this long before forwarding it: a slow node. Zero for none. */
    public void delay(Duration delay) {
        this.delayMillis = delay.toMillis();
    }

    /** Closes every proxied connection at once (new ones are still accepted). */
    public void cutConnections() {
        for (Socket s : sockets) closeQuietly(s);
        sockets.clear();
    }

    /** Connections accepted so far. */
    public long acceptedConnections() {
        return accepted.get();
    }

    /** Connections currently open through the proxy. */
    public int openConnections() {
        return sockets.size() / 2;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                accepted.incrementAndGet();
                Socket upstream = new Socket();
                try {
                    upstream.connect(target, 5000);
                } catch (IOException e) {
                    log.debug("Proxy cannot reach {}: {}", target, e.toString());
                    closeQuietly(client);
                    closeQuietly(upstream);
                    continue;
                }
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream, "up");
                pump(upstream, client, "down");
            } catch (IOException e) {
                if (!closed) log.debug("Proxy accept failed: {}", e.toString());
            }
        }
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    waitWhilePaused();
                    long d = delayMillis;
                    if (d > 0) Thread.sleep(d);
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // one side closed or was cut: close the other
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "fault-proxy-" + direction + "-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    private void waitWhilePaused() throws InterruptedException {
        synchronized (gate) {
            while (paused && !closed) gate.wait(100);
        }
    }

    @Override
    public void close() {
        closed = true;
        resume();
        closeQuietly(server);
        cutConnections();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public String toString() {
        return "FaultProxy[" + contactPoint() + " -> " + target + (paused ? ", paused" : "") + "]";
    }
}
