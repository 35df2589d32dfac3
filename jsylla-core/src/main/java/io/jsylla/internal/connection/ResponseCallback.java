package io.jsylla.internal.connection;

import io.jsylla.internal.protocol.Frame;

/**
 * Where the answer to one request goes. Called on the connection's event loop, exactly once:
 * keep it short and never block in it.
 */
public interface ResponseCallback {
    void onResponse(Frame frame);

    void onFailure(Throwable error);
}
