package io.jsylla.internal.connection;

import io.jsylla.ConnectionException;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.Request;
import io.jsylla.internal.protocol.ScyllaExtensions;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One open, initialized connection to a node. Thread-safe: any thread may {@link #trySend} a
 * request; the work happens on the channel's event loop.
 *
 * <p>The in-flight count is reserved before a request is queued and given back when its answer
 * (or failure) arrives, so choosing the least busy connection and refusing a full one need no
 * lock.
 */
public final class Connection {
    private final Channel channel;
    private final StreamDispatcher handler;
    private final InetSocketAddress node;
    private final ProtocolVersion version;
    private volatile Map<String, List<String>> supported;
    private volatile ScyllaExtensions extensions = ScyllaExtensions.NONE;
    private final WriteCoalescer writer;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final int maxInFlight;
    private volatile String keyspace;
    private volatile boolean draining;

    Connection(Channel channel, StreamDispatcher handler, InetSocketAddress node, ProtocolVersion version,
               int maxInFlight, String keyspace) {
        this.channel = channel;
        this.handler = handler;
        this.node = node;
        this.version = version;
        this.supported = Map.of();
        this.maxInFlight = maxInFlight;
        this.keyspace = keyspace;
        this.writer = new WriteCoalescer(channel, handler, node);
        handler.onOrphan(this::closeIfDrained);
    }

    /**
     * Queues a request if this connection has room; false (nothing queued) when it is full or
     * closed. The callback runs on the event loop.
     */
    public boolean trySend(InFlightRequest<?> request) {
        if (!channel.isActive() || draining) return false;
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            return false;
        }
        request.connection = this;
        try {
            writer.write(request);
        } catch (RejectedExecutionException e) {
            request.connection = null;
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Sends and returns the answer frame; fails at once if the connection is full or closed. */
    public CompletableFuture<Frame> send(Request message) {
        return send(message, 0);
    }

    /** As {@link #send(Request)}, failing with RequestTimeoutException past {@code deadline} ({@link System#nanoTime()}; 0 never). */
    public CompletableFuture<Frame> send(Request message, long deadline) {
        CompletableFuture<Frame> f = new CompletableFuture<>();
        InFlightRequest<Void> r = InFlightRequest.of(message, false, null, new ResponseCallback() {
            @Override
            public void onResponse(Frame frame) {
                f.complete(frame);
            }

            @Override
            public void onFailure(Throwable error) {
                f.completeExceptionally(error);
            }
        });
        r.deadline(deadline);
        if (!trySend(r)) {
            f.completeExceptionally(new ConnectionException(node, channel.isActive() ? "connection busy" : "connection closed", null));
        }
        return f;
    }

    /** Abandons a sent request: its answer will be dropped, its stream id kept until then. */
    public void cancel(InFlightRequest<?> request) {
        request.abandon();
        channel.eventLoop().execute(() -> handler.orphan(request));
    }

    void release() {
        inFlight.decrementAndGet();
        if (draining) closeIfDrained();
    }

    /**
     * Closes a draining connection once no caller waits on it: requests abandoned after a
     * timeout or a lost speculative race still hold their slot until a late answer that may
     * never come, and are not waited for. Event loop only.
     */
    private void closeIfDrained() {
        if (draining && inFlight.get() <= handler.orphaned()) channel.close();
    }

    public void eventListener(Consumer<Frame> listener) {
        handler.eventListener(listener);
    }

    public InetSocketAddress node() {
        return node;
    }

    public ProtocolVersion protocolVersion() {
        return version;
    }

    /** What the node answered to OPTIONS (compression, CQL version, ScyllaDB sharding...). */
    public Map<String, List<String>> supported() {
        return supported;
    }

    /** The ScyllaDB protocol extensions this connection took up in its STARTUP; none on Cassandra. */
    public ScyllaExtensions extensions() {
        return extensions;
    }

    void extensions(ScyllaExtensions extensions) {
        this.extensions = extensions;
    }

    void supported(Map<String, List<String>> options) {
        this.supported = Map.copyOf(options);
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    /** Stream ids held by abandoned requests whose answers have not come. Event-loop state: approximate. */
    public int orphanedStreamIds() {
        return handler.orphaned();
    }

    public String keyspace() {
        return keyspace;
    }

    void keyspace(String keyspace) {
        this.keyspace = keyspace;
    }

    public boolean isOpen() {
        return channel.isActive() && !draining;
    }

    public CompletableFuture<Void> closeFuture() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        channel.closeFuture().addListener(x -> f.complete(null));
        return f;
    }

    /** Takes no new requests, and closes once those in flight are answered. */
    public CompletableFuture<Void> closeGracefully() {
        draining = true;
        if (inFlight.get() == 0) channel.close();
        else channel.eventLoop().execute(this::closeIfDrained);
        return closeFuture();
    }

    /** Closes now; requests in flight fail. */
    public CompletableFuture<Void> forceClose() {
        channel.close();
        return closeFuture();
    }

    Channel channel() {
        return channel;
    }

    @Override
    public String toString() {
        return "Connection[" + node.getHostString() + ":" + node.getPort() + " " + version + " in flight " + inFlight.get() + "]";
    }
}
