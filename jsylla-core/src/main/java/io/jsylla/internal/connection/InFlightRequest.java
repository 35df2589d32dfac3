package io.jsylla.internal.connection;

import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.Request;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * A request on its way through a connection: the message, its frame options, where the answer
 * goes, and (once written) its stream id. Cancelling it does not free the stream id, which
 * stays taken until the late answer arrives.
 *
 * <p>Either built around a {@link ResponseCallback}, or subclassed by a callback that is its own
 * in-flight request and is {@linkplain #reset re-armed} for each send: the execution core does
 * that, so that sending makes no object per attempt.
 */
public class InFlightRequest {
    Request request;
    boolean tracing;
    Map<String, ByteBuffer> customPayload;
    private final ResponseCallback callback;
    /** Set on the event loop when written; -1 before. */
    int streamId = -1;
    /** The connection whose in-flight slot this holds, given back on completion. */
    Connection connection;
    /** {@link System#nanoTime()} after which the connection gives up waiting; 0 for never. */
    long deadline;
    private volatile boolean cancelled;

    public InFlightRequest(Request request, boolean tracing, Map<String, ByteBuffer> customPayload,
                           ResponseCallback callback) {
        this.request = request;
        this.tracing = tracing;
        this.customPayload = customPayload;
        this.callback = callback;
    }

    /** For a subclass that is its own callback; it must {@link #reset} before each send. */
    protected InFlightRequest() {
        if (!(this instanceof ResponseCallback self)) {
            throw new IllegalStateException(getClass().getName() + " must implement ResponseCallback");
        }
        this.callback = self;
    }

    /**
     * Arms the request for its next send. Only between sends: after its answer or failure was
     * delivered, never while a connection still holds it.
     */
    protected final void reset(Request request, boolean tracing, long deadline) {
        this.request = request;
        this.tracing = tracing;
        this.customPayload = null;
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

    /** The connection of the latest send, or null before the first one. Racy outside the event loop: a hint. */
    public Connection connection() {
        return connection;
    }

    /** The deadline passed: the answer will be dropped, and the caller hears of it. */
    void expire() {
        if (cancelled) return;
        cancelled = true;
        callback.onTimeout();
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
        if (!cancelled) callback.onResponse(frame);
    }

    void fail(Throwable error) {
        Connection c = connection;
        if (c != null) c.release();
        if (!cancelled) callback.onFailure(error);
    }
}
