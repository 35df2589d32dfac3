package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

import java.util.List;

/** REGISTER: the event types (TOPOLOGY_CHANGE, STATUS_CHANGE, SCHEMA_CHANGE) to be pushed on this connection. */
public record Register(List<String> eventTypes) implements Request {

    public Register {
        eventTypes = List.copyOf(eventTypes);
    }

    @Override
    public int opcode() {
        return Opcode.REGISTER;
    }

    @Override
    public void encode(ByteBuf out, ProtocolVersion version) {
        Wire.writeStringList(eventTypes, out);
    }
}
