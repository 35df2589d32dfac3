package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Writes response bodies, the inverse of {@link Responses}: for tests and a server simulator. A
 * rows result is written with its pre-encoded rows as they are.
 */
public final class ResponseEncoder {

    private ResponseEncoder() {
    }

    /** The opcode a response travels under. */
    public static int opcode(Response response) {
        if (response instanceof ErrorResponse) return Opcode.ERROR;
        if (response instanceof Ready) return Opcode.READY;
        if (response instanceof Authenticate) return Opcode.AUTHENTICATE;
        if (response instanceof Supported) return Opcode.SUPPORTED;
        if (response instanceof AuthChallenge) return Opcode.AUTH_CHALLENGE;
        if (response instanceof AuthSuccess) return Opcode.AUTH_SUCCESS;
        if (response instanceof Result) return Opcode.RESULT;
        return Opcode.EVENT;
    }

    /** Writes the body of {@code response} as a server speaking {@code version} would. */
    public static void encode(Response response, ByteBuf out, ProtocolVersion version) {
        if (response instanceof ErrorResponse error) {
            error.encode(out, version);
        } else if (response instanceof Authenticate auth) {
            Wire.writeString(auth.authenticator(), out);
        } else if (response instanceof Supported supported) {
            Wire.writeStringMultimap(supported.options(), out);
        } else if (response instanceof AuthChallenge challenge) {
            Wire.writeBytes(challenge.token(), out);
        } else if (response instanceof AuthSuccess success) {
            Wire.writeBytes(success.token(), out);
        } else if (response instanceof Result result) {
            encodeResult(result, out, version);
        } else if (response instanceof Event event) {
            encodeEvent(event, out);
        }
        // Ready: empty body
    }

    /** Writes a whole response frame: header and body. */
    public static void encodeFrame(Response response, ByteBuf out, ProtocolVersion version, int streamId) {
        ByteBuf body = out.alloc().heapBuffer();
        try {
            encode(response, body, version);
            FrameCodec.encodeResponse(out, version, 0, streamId, opcode(response), body);
        } finally {
            body.release();
        }
    }

    private static void encodeResult(Result result, ByteBuf out, ProtocolVersion version) {
        if (result instanceof VoidResult) {
            out.writeInt(Result.VOID);
        } else if (result instanceof RowsResult rows) {
            out.writeInt(Result.ROWS);
            MetadataCodec.writeRows(rows.metadata(), out, version);
            out.writeInt(rows.rowCount());
            out.writeBytes(rows.buffer(), rows.start(), rows.end() - rows.start());
        } else if (result instanceof SetKeyspaceResult ks) {
            out.writeInt(Result.SET_KEYSPACE);
            Wire.writeString(ks.keyspace(), out);
        } else if (result instanceof PreparedResult prepared) {
            out.writeInt(Result.PREPARED);
            Wire.writeShortBytes(prepared.id(), out);
            if (version != ProtocolVersion.V4) Wire.writeShortBytes(prepared.resultMetadataId(), out);
            MetadataCodec.writePrepared(prepared.variables(), out);
            MetadataCodec.writeRows(prepared.resultMetadata(), out, version);
        } else if (result instanceof SchemaChangeResult change) {
            out.writeInt(Result.SCHEMA_CHANGE);
            change.change().write(out);
        }
    }

    private static void encodeEvent(Event event, ByteBuf out) {
        if (event instanceof TopologyChangeEvent topology) {
            Wire.writeString(Event.TOPOLOGY_CHANGE, out);
            Wire.writeString(topology.change(), out);
            Wire.writeInet(topology.address(), out);
        } else if (event instanceof StatusChangeEvent status) {
            Wire.writeString(Event.STATUS_CHANGE, out);
            Wire.writeString(status.change(), out);
            Wire.writeInet(status.address(), out);
        } else if (event instanceof SchemaChangeEvent schema) {
            Wire.writeString(Event.SCHEMA_CHANGE, out);
            schema.change().write(out);
        }
    }
}
