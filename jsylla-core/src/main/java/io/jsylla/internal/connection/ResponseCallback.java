package io.jsylla.internal.connection;

import io.jsylla.internal.protocol.Frame;

/**
 * Where the answer to one request goes. Called on the connection's event loop, exactly once:
 * keep it short and never block in it.
 */
public interface ResponseCallback {
    void onResponse(Frame frame);

    void onFailure(Throwable error);

    /** The request's deadline passed with no answer; its answer, if it comes, will be dropped. */
    default void onTimeout() {
        onFailure(new io.jsylla.RequestTimeoutException("no answer before the request's deadline"));
    }
}
