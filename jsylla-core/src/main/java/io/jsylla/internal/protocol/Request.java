package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

/** A message a client sends. {@link FrameCodec} wraps its body in a frame. */
public sealed interface Request permits Startup, Options, AuthResponse, Register, Query, Prepare, Execute, Batch {

    int opcode();

    /** Writes the message body only (no frame header, no tracing or custom payload prefix). */
    void encode(ByteBuf out, ProtocolVersion version);

    /** Whether the tracing flag means anything for this message (the statement-running ones). */
    default boolean isTraceable() {
        return false;
    }
}
