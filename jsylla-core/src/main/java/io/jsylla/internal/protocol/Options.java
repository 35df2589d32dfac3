package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

/** OPTIONS: asks which STARTUP options the server supports; empty body. */
public record Options() implements Request {

    public static final Options INSTANCE = new Options();

    @Override
    public int opcode() {
        return Opcode.OPTIONS;
    }

    @Override
    public void encode(ByteBuf out, ProtocolVersion version) {
        // empty body
    }
}
