package io.jsylla.internal.connection;

import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.Request;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * A request on its way through a connection: the message, its frame options, and (once written)
 * its stream id; it is also where the answer goes. Cancelling it does not free the stream id,
 * which stays taken until the late answer arrives.
 *
 * <p>{@link #of} wraps a {@link ResponseCallback}; the execution core instead subclasses it, one
 * object per attempt chain {@linkplain #reset re-armed} for each send, so that sending makes no
 * object per attempt.
 */
public abstract class InFlightRequest implements ResponseCallback {
    Request request;
    boolean tracing;
    /** Set on the event loop when written; -1 before. */
    int streamId = -1;
    /** The connection whose in-flight slot this holds, given back on completion. */
    Connection connection;
    /** {@link System#nanoTime()} after which the connection gives up waiting; 0 for never. */
    long deadline;
    private volatile boolean cancelled;

    /** For a subclass that {@link #reset}s before each send. */
    protected InFlightRequest() {
    }

    /** A request whose answer, failure or timeout goes to {@code callback}. */
    public static InFlightRequest of(Request request, boolean tracing, Map<String, ByteBuffer> customPayload,
                                     ResponseCallback callback) {
        return new WithCallback(request, tracing, customPayload, callback);
    }

    /**
     * Arms the request for its next send. Only between sends: after its answer or failure was
     * delivered, never while a connection still holds it.
     */
    protected final void reset(Request request, boolean tracing, long deadline) {
        this.request = request;
        this.tracing = tracing;
        this.deadline = deadline;
        this.streamId = -1;
        this.connection = null;
        this.cancelled = false;
    }

    /** Sets when the connection stops waiting for the answer ({@link System#nanoTime()} based; 0 never). */
    public InFlightRequest deadline(long nanoTime) {
        this.deadline = nanoTime;
        return this;
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
        if (cancelled) return;
        cancelled = true;
        onTimeout();
    }

    /** Abandons the request (timeout, another execution won): its answer will be dropped. */
    void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public Request request() {
        return request;
    }

    void deliver(Frame frame) {
        Connection c = connection;
        if (c != null) c.release();
        if (!cancelled) onResponse(frame);
    }

    void fail(Throwable error) {
        Connection c = connection;
        if (c != null) c.release();
        if (!cancelled) onFailure(error);
    }

    private static final class WithCallback extends InFlightRequest {
        private final Map<String, ByteBuffer> customPayload;
        private final ResponseCallback callback;

        WithCallback(Request request, boolean tracing, Map<String, ByteBuffer> customPayload, ResponseCallback callback) {
            this.request = request;
            this.tracing = tracing;
            this.customPayload = customPayload;
            this.callback = callback;
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
