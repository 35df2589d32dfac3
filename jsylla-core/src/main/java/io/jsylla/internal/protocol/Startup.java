package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** STARTUP: a [string map] of options (CQL_VERSION, COMPRESSION, DRIVER_NAME...). Keeps the caller's order. */
public record Startup(Map<String, String> options) implements Request {

    public Startup {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    @Override
    public int opcode() {
        return Opcode.STARTUP;
    }

    @Override
    public void encode(ByteBuf out, ProtocolVersion version) {
        Wire.writeStringMap(options, out);
    }
}
