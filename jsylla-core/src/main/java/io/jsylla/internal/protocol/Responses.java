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
        if (known != null) {
            RowsResult rows = known.match(frame);
            if (rows != null) return rows;
        }
        return decode(frame);
    }

    /**
     * As {@link #decode(Frame, KnownSpecs)}, for a request that knows the columns of its rows: a
     * single page of rows with bare metadata is {@link BareRows#INSTANCE}, and one whose specs
     * are {@code known} is {@code known} itself, read from the frame (see {@link RowsInFrame}).
     */
    public static Response decodeKnowing(Frame frame, KnownSpecs known) {
        if (BareRows.is(frame)) return BareRows.INSTANCE;
        if (known != null) {
            Result rows = known.matchKnowing(frame);
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
        if (BareRows.is(frame)) {
            // a prepared read's usual answer, read in place: no column specs, no paging state
            BareRows bare = BareRows.INSTANCE;
            return new RowsResult(BareRows.metadata(frame), bare.rowCount(frame), frame.source(), bare.start(frame), bare.end(frame));
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
