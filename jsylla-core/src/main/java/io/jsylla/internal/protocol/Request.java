package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

/**
 * A message a client sends. {@link FrameCodec} wraps its body in a frame. Besides this package's
 * messages, the execution core's bound-statement request encodes itself as an EXECUTE with
 * {@link Execute#writeIds} and {@link QueryParameters#write}, so that no message object is made
 * per send.
 */
public interface Request {

    int opcode();

    /** Writes the message body only (no frame header, no tracing or custom payload prefix). */
    void encode(ByteBuf out, ProtocolVersion version);

    /** Whether the tracing flag means anything for this message (the statement-running ones). */
    default boolean isTraceable() {
        return false;
    }
}
