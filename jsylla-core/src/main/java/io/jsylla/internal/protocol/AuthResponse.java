package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

/** AUTH_RESPONSE: a SASL token as [bytes]; a null token is written as length -1. */
public record AuthResponse(byte[] token) implements Request {

    @Override
    public int opcode() {
        return Opcode.AUTH_RESPONSE;
    }

    @Override
    public void encode(ByteBuf out, ProtocolVersion version) {
        Wire.writeBytes(token, out);
    }
}
