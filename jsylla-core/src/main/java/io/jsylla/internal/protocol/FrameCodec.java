package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The 9-byte frame header (version, flags, stream, opcode, length) around a message body, for v4
 * frames on the wire and v5 frames inside segments. Requests are encoded, responses decoded.
 */
public final class FrameCodec {

    public static final int HEADER_LENGTH = 9;
    public static final int DEFAULT_MAX_BODY_LENGTH = 256 * 1024 * 1024;

    private static final int RESPONSE_BIT = 0x80;
    private static final int LENGTH_OFFSET = 5;
    /** Versions whose responses are read: v3 and v6 too, so a server refusing our version can say so. */
    private static final int MIN_READABLE_VERSION = 3;
    private static final int MAX_READABLE_VERSION = 6;

    private FrameCodec() {
    }

    /**
     * Writes a request frame. With V4 and a compressor the body (custom payload included) is
     * compressed, except for STARTUP and OPTIONS which the server reads before compression is agreed.
     * Custom payload and tracing flag only go out when asked for; tracing only for traceable requests.
     * On an encoding error {@code out} is left as it was.
     */
    public static void encode(ByteBuf out, ProtocolVersion version, int streamId, boolean tracing,
                              Map<String, ByteBuffer> customPayload, Request request, Compressor compressor) {
        if (streamId < 0 || streamId > Short.MAX_VALUE) {
            throw new IllegalArgumentException("request stream id out of range 0..32767: " + streamId);
        }
        boolean withPayload = customPayload != null && !customPayload.isEmpty();
        boolean compress = compressor != null && version == ProtocolVersion.V4
                && request.opcode() != Opcode.STARTUP && request.opcode() != Opcode.OPTIONS;
        int flags = (tracing && request.isTraceable() ? FrameFlags.TRACING : 0)
                | (withPayload ? FrameFlags.CUSTOM_PAYLOAD : 0)
                | (compress ? FrameFlags.COMPRESSED : 0);

        int start = out.writerIndex();
        try {
            out.writeByte(version.code());
            out.writeByte(flags);
            out.writeShort(streamId);
            out.writeByte(request.opcode());
            out.writeInt(0); // patched once the body is written
            if (compress) {
                ByteBuf plain = out.alloc().heapBuffer();
                try {
                    writeBody(plain, version, withPayload ? customPayload : null, request);
                    ByteBuf compressed = compressor.compress(plain);
                    try {
                        out.writeBytes(compressed);
                    } finally {
                        compressed.release();
                    }
                } finally {
                    plain.release();
                }
            } else {
                writeBody(out, version, withPayload ? customPayload : null, request);
            }
            out.setInt(start + LENGTH_OFFSET, out.writerIndex() - start - HEADER_LENGTH);
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
    }

    private static void writeBody(ByteBuf out, ProtocolVersion version, Map<String, ByteBuffer> customPayload,
                                  Request request) {
        if (customPayload != null) Wire.writeBytesMap(customPayload, out);
        request.encode(out, version);
    }

    /** The length (header included) of the frame, complete and well formed, that starts at {@code index}. */
    public static int encodedLength(ByteBuf in, int index) {
        return HEADER_LENGTH + in.getInt(index + LENGTH_OFFSET);
    }

    /**
     * The length (header included) of the response frame at {@code in.readerIndex()}, without
     * consuming anything; -1 while fewer than 9 bytes are readable.
     */
    public static int frameLength(ByteBuf in, int maxBodyLength) {
        if (in.readableBytes() < HEADER_LENGTH) return -1;
        int start = in.readerIndex();
        checkResponseVersion(in.getUnsignedByte(start));
        int bodyLength = in.getInt(start + LENGTH_OFFSET);
        if (bodyLength < 0 || bodyLength > maxBodyLength || bodyLength > Integer.MAX_VALUE - HEADER_LENGTH) {
            throw new CodecException("frame body length " + Integer.toUnsignedString(bodyLength)
                    + " out of range 0.." + maxBodyLength);
        }
        return HEADER_LENGTH + bodyLength;
    }

    private static int checkResponseVersion(int versionByte) {
        int version = versionByte & ~RESPONSE_BIT;
        if ((versionByte & RESPONSE_BIT) == 0 || version < MIN_READABLE_VERSION || version > MAX_READABLE_VERSION) {
            throw new CodecException(String.format("invalid response version byte 0x%02X (expected 0x%02X..0x%02X)",
                    versionByte, RESPONSE_BIT | MIN_READABLE_VERSION, RESPONSE_BIT | MAX_READABLE_VERSION));
        }
        return version;
    }

    /**
     * Decodes the complete response frame at {@code in.readerIndex()} and advances past it. A v3 or
     * v6 frame (a server refusing our version answers in its own) is reported as the nearest version
     * we speak, V4 or V5: the header and ERROR body are laid out the same in all of them.
     */
    public static Frame decode(ByteBuf in, Compressor compressor) {
        return decode(in, compressor, true);
    }

    /**
     * As {@link #decode(ByteBuf, Compressor)}; with {@code copy} false the body is a slice of
     * {@code in}, for input the caller already owns and will not reuse (a v5 segment's payload).
     */
    public static Frame decode(ByteBuf in, Compressor compressor, boolean copy) {
        int start = in.readerIndex();
        int length = frameLength(in, Integer.MAX_VALUE - HEADER_LENGTH);
        if (length < 0 || in.readableBytes() < length) {
            throw new CodecException("truncated frame: " + in.readableBytes() + " bytes readable, "
                    + (length < 0 ? "header needs " + HEADER_LENGTH : "frame needs " + length));
        }
        int versionCode = checkResponseVersion(in.getUnsignedByte(start));
        ProtocolVersion version = versionCode <= 4 ? ProtocolVersion.V4 : ProtocolVersion.V5;
        int flags = in.getUnsignedByte(start + 1);
        int streamId = in.getShort(start + 2);
        int opcode = in.getUnsignedByte(start + 4);
        int bodyStart = start + HEADER_LENGTH;
        int bodyLength = length - HEADER_LENGTH;
        in.skipBytes(length); // past the frame even if its body turns out malformed

        try {
            if ((flags & (FrameFlags.COMPRESSED | FrameFlags.TRACING | FrameFlags.WARNING | FrameFlags.CUSTOM_PAYLOAD)) == 0) {
                // The common case: the frame is a range of its input (or of one copy of it), no view made.
                if (copy) return Frame.of(version, flags, streamId, opcode, null, List.of(), Map.of(),
                        Unpooled.buffer(bodyLength).writeBytes(in, bodyStart, bodyLength));
                return Frame.of(version, flags, streamId, opcode, null, List.of(), Map.of(), in, bodyStart, bodyLength);
            }
            ByteBuf raw = in.slice(bodyStart, bodyLength);
            ByteBuf body;
            if ((flags & FrameFlags.COMPRESSED) != 0) {
                if (compressor == null) {
                    throw new CodecException("frame on stream " + streamId + " is compressed but no compression was agreed");
                }
                body = compressor.decompress(raw);
            } else {
                body = copy ? Unpooled.buffer(raw.readableBytes()).writeBytes(raw) : raw;
            }
            if ((flags & (FrameFlags.TRACING | FrameFlags.WARNING | FrameFlags.CUSTOM_PAYLOAD)) == 0) {
                return Frame.of(version, flags, streamId, opcode, null, List.of(), Map.of(), body);
            }
            UUID tracingId = (flags & FrameFlags.TRACING) != 0 ? Wire.readUuid(body) : null;
            List<String> warnings = (flags & FrameFlags.WARNING) != 0 ? Wire.readStringList(body) : List.of();
            Map<String, ByteBuffer> payload = (flags & FrameFlags.CUSTOM_PAYLOAD) != 0 ? Wire.readBytesMap(body) : Map.of();
            return Frame.of(version, flags, streamId, opcode, tracingId, warnings, payload, body);
        } catch (IndexOutOfBoundsException e) {
            throw new CodecException("malformed " + Opcode.name(opcode) + " frame on stream " + streamId
                    + ": body ends early", e);
        }
    }

    /** Writes a response frame around an already-built body (not consumed, not released); for tests and simulators. */
    public static void encodeResponse(ByteBuf out, ProtocolVersion version, int flags, int streamId, int opcode,
                                      ByteBuf body) {
        out.writeByte(RESPONSE_BIT | version.code());
        out.writeByte(flags);
        out.writeShort(streamId);
        out.writeByte(opcode);
        out.writeInt(body.readableBytes());
        out.writeBytes(body, body.readerIndex(), body.readableBytes());
    }
}
