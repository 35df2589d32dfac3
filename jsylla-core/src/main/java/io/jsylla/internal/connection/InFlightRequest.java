package io.jsylla.internal.connection;

import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.Request;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A request on its way through a connection: the message, its frame options, and (once written)
 * its stream id; it is also where the answer goes. Abandoning it does not free the stream id,
 * which stays taken until the late answer arrives.
 *
 * <p>It is also a future of what the request becomes, completed by whoever subclasses it: the
 * execution core's request object is its own first in-flight request, {@linkplain #reset
 * re-armed} for each send, so that a request costs one object where a future, an attempt and a
 * callback would cost three. {@link #of} wraps a {@link ResponseCallback} instead, and leaves
 * the future alone.
 *
 * @param <T> what the request becomes, for the subclass that completes it
 */
public abstract class InFlightRequest<T> extends CompletableFuture<T> implements ResponseCallback {
    /** Set on the event loop when written; -1 before. */
    int streamId = -1;
    /** The connection whose in-flight slot this holds, given back on completion. */
    Connection connection;
    /** {@link System#nanoTime()} after which the connection gives up waiting; 0 for never. */
    long deadline;
    private volatile boolean abandoned;

    /** For a subclass that {@link #reset}s before each send. */
    protected InFlightRequest() {
    }

    /** A request whose answer, failure or timeout goes to {@code callback}. */
    public static InFlightRequest<Void> of(Request request, boolean tracing, Map<String, ByteBuffer> customPayload,
                                           ResponseCallback callback) {
        return new WithCallback(request, tracing, customPayload, callback);
    }

    /** The message, asked for when a connection writes it: once per send. */
    public abstract Request request();

    /** Whether the frame asks the node to trace the request. */
    protected abstract boolean tracing();

    /**
     * Arms the request for its next send. Only between sends: after its answer or failure was
     * delivered, never while a connection still holds it.
     */
    protected final void reset(long deadline) {
        this.deadline = deadline;
        this.streamId = -1;
        this.connection = null;
        this.abandoned = false;
    }

    /** Sets when the connection stops waiting for the answer ({@link System#nanoTime()} based; 0 never). */
    public InFlightRequest<T> deadline(long nanoTime) {
        this.deadline = nanoTime;
        return this;
    }

    /** When the connection stops waiting for the answer ({@link System#nanoTime()} based; 0 never). */
    public final long deadline() {
        return deadline;
    }

    /** The custom payload the frame carries, or null. */
    Map<String, ByteBuffer> customPayload() {
        return null;
    }

    /** The connection of the latest send, or null before the first one. Racy outside the event loop: a hint. */
    public Connection connection() {
        return connection;
    }

    /** The deadline passed: the answer will be dropped, and the caller hears of it. */
    void expire() {
        if (abandoned) return;
        abandoned = true;
        onTimeout();
    }

    /** Abandons the request (timeout, another execution won): its answer will be dropped. */
    void abandon() {
        abandoned = true;
    }

    /** Whether its answer will be dropped. Not {@link #isCancelled()}, which is about the future. */
    public boolean isAbandoned() {
        return abandoned;
    }

    void deliver(Frame frame) {
        Connection c = connection;
        if (c != null) c.release();
        if (!abandoned) onResponse(frame);
    }

    void deliverFailure(Throwable error) {
        Connection c = connection;
        if (c != null) c.release();
        if (!abandoned) onFailure(error);
    }

    private static final class WithCallback extends InFlightRequest<Void> {
        private final Request request;
        private final boolean tracing;
        private final Map<String, ByteBuffer> customPayload;
        private final ResponseCallback callback;

        WithCallback(Request request, boolean tracing, Map<String, ByteBuffer> customPayload, ResponseCallback callback) {
            this.request = request;
            this.tracing = tracing;
            this.customPayload = customPayload;
            this.callback = callback;
        }

        @Override
        public Request request() {
            return request;
        }

        @Override
        protected boolean tracing() {
            return tracing;
        }

        @Override
        Map<String, ByteBuffer> customPayload() {
            return customPayload;
        }

        @Override
        public void onResponse(Frame frame) {
            callback.onResponse(frame);
        }

        @Override
        public void onFailure(Throwable error) {
            callback.onFailure(error);
        }

        @Override
        public void onTimeout() {
            callback.onTimeout();
        }
    }
}
