package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

import java.util.Objects;

/** QUERY: a [long string] statement followed by its query parameters. */
public record Query(String cql, QueryParameters parameters) implements Request {

    public Query {
        Objects.requireNonNull(cql, "cql");
        Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public int opcode() {
        return Opcode.QUERY;
    }

    @Override
    public boolean isTraceable() {
        return true;
    }

    @Override
    public Query atConsistency(io.jsylla.Consistency c) {
        return c == parameters.consistency() ? this : new Query(cql, parameters.withConsistency(c));
    }

    @Override
    public void encode(ByteBuf out, ProtocolVersion version) {
        Wire.writeLongString(cql, out);
        parameters.encode(out, version);
    }
}
