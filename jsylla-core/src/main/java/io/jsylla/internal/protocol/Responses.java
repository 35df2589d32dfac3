package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

/** Decodes the message in a response frame's body, by opcode. */
public final class Responses {

    private Responses() {
    }

    /**
     * As {@link #decode(Frame)}, except that rows whose column specs are {@code known} (v4 sends
     * them with every answer) are read in place as if they came without metadata.
     */
    public static Response decode(Frame frame, KnownSpecs known) {
        if (known != null && frame.opcode() == Opcode.RESULT) {
            RowsResult rows = known.match(frame);
            if (rows != null) return rows;
        }
        return decode(frame);
    }

    /**
     * The message of {@code frame}. The frame's body is read through a fresh view, so decoding twice
     * gives the same answer. Malformed bodies and opcodes a server never sends raise {@link CodecException}.
     */
    public static Response decode(Frame frame) {
        if (frame.opcode() == Opcode.RESULT && frame.bodyLength() >= 4 && frame.bodyInt(0) == Result.VOID) {
            return VoidResult.INSTANCE; // every write's answer: read in place, no view made
        }
        if (frame.opcode() == Opcode.RESULT && frame.bodyLength() >= 16 && frame.bodyInt(0) == Result.ROWS) {
            RowsResult rows = bareRows(frame);
            if (rows != null) return rows;
        }
        ByteBuf in = frame.body();
        ProtocolVersion version = frame.version();
        try {
            return switch (frame.opcode()) {
                case Opcode.ERROR -> ErrorResponse.decode(in, version);
                case Opcode.READY -> new Ready();
                case Opcode.AUTHENTICATE -> new Authenticate(Wire.readString(in));
                case Opcode.SUPPORTED -> new Supported(Wire.readStringMultimap(in));
                case Opcode.RESULT -> decodeResult(in, version);
                case Opcode.EVENT -> decodeEvent(in);
                case Opcode.AUTH_CHALLENGE -> new AuthChallenge(Wire.readBytes(in));
                case Opcode.AUTH_SUCCESS -> new AuthSuccess(Wire.readBytes(in));
                default -> throw new CodecException("unexpected opcode " + Opcode.name(frame.opcode())
                        + " in a response on stream " + frame.streamId());
            };
        } catch (IndexOutOfBoundsException e) {
            throw new CodecException("malformed " + Opcode.name(frame.opcode()) + " body on stream "
                    + frame.streamId() + ": it ends early", e);
        }
    }

    /**
     * A prepared read's usual answer, rows with bare metadata (no columns, no paging state), read in
     * place; null for any other, which the general path reads (and reports if malformed).
     */
    private static RowsResult bareRows(Frame frame) {
        RowsMetadata metadata = MetadataCodec.bare(frame.bodyInt(4), frame.bodyInt(8));
        int rowCount = frame.bodyInt(12);
        if (metadata == null || rowCount < 0) return null;
        return new RowsResult(metadata, rowCount, frame.source(), frame.bodyStart() + 16, frame.bodyStart() + frame.bodyLength());
    }

    private static Result decodeResult(ByteBuf in, ProtocolVersion version) {
        int kind = in.readInt();
        return switch (kind) {
            case Result.VOID -> VoidResult.INSTANCE;
            case Result.ROWS -> {
                RowsMetadata metadata = MetadataCodec.readRows(in, version);
                int rowCount = in.readInt();
                if (rowCount < 0) throw new CodecException("negative row count " + rowCount);
                yield new RowsResult(metadata, rowCount, in); // the body's own view, already at the first cell
            }
            case Result.SET_KEYSPACE -> new SetKeyspaceResult(Wire.readString(in));
            case Result.PREPARED -> {
                byte[] id = Wire.readShortBytes(in);
                byte[] resultMetadataId = version == ProtocolVersion.V4 ? null : Wire.readShortBytes(in);
                PreparedMetadata variables = MetadataCodec.readPrepared(in);
                yield new PreparedResult(id, resultMetadataId, variables, MetadataCodec.readRows(in, version));
            }
            case Result.SCHEMA_CHANGE -> new SchemaChangeResult(SchemaChange.read(in));
            default -> throw new CodecException("unknown result kind " + kind);
        };
    }

    private static Event decodeEvent(ByteBuf in) {
        String type = Wire.readString(in);
        return switch (type) {
            case Event.TOPOLOGY_CHANGE -> new TopologyChangeEvent(Wire.readString(in), Wire.readInet(in));
            case Event.STATUS_CHANGE -> new StatusChangeEvent(Wire.readString(in), Wire.readInet(in));
            case Event.SCHEMA_CHANGE -> new SchemaChangeEvent(SchemaChange.read(in));
            default -> throw new CodecException("unknown event type '" + type + "'");
        };
    }
}
