package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

/**
 * A message a client sends: an immutable value, whose body {@link FrameCodec} wraps in a frame.
 */
public interface Request {

    int opcode();

    /** Writes the message body only (no frame header, no tracing or custom payload prefix). */
    void encode(ByteBuf out, ProtocolVersion version);

    /**
     * The same message at another consistency, for a retry a policy downgraded; messages that
     * carry none are their own.
     */
    default Request atConsistency(io.jsylla.Consistency consistency) {
        return this;
    }

    /** Whether the tracing flag means anything for this message (the statement-running ones). */
    default boolean isTraceable() {
        return false;
    }
}
