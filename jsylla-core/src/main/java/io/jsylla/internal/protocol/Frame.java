package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A decoded response frame. The tracing id, warnings and custom payload that may open the body
 * have been stripped; the body is the message that follows them, kept as a range of an unpooled
 * heap buffer (so it needs no release) that many frames of one read may share: a frame costs
 * one object, and {@link #body()} makes a view only when asked.
 */
public sealed class Frame permits Frame.WithExtras {
    private final ProtocolVersion version;
    /** flags (8 bits), opcode (8 bits), stream id (16 bits, signed). */
    private final int header;
    private final ByteBuf source;
    private final int bodyStart;
    private final int bodyLength;

    private Frame(ProtocolVersion version, int header, ByteBuf source, int bodyStart, int bodyLength) {
        this.version = version;
        this.header = header;
        this.source = source;
        this.bodyStart = bodyStart;
        this.bodyLength = bodyLength;
    }

    /** A frame whose body is {@code body}'s readable bytes. */
    public static Frame of(ProtocolVersion version, int flags, int streamId, int opcode, UUID tracingId, List<String> warnings,
                           Map<String, ByteBuffer> customPayload, ByteBuf body) {
        return of(version, flags, streamId, opcode, tracingId, warnings, customPayload, body, body.readerIndex(),
                body.readableBytes());
    }

    /**
     * @param tracingId     null when the frame has none
     * @param warnings      empty when the frame has none
     * @param customPayload empty when the frame has none
     * @param source        the buffer holding the body, which must not change while the frame lives
     */
    public static Frame of(ProtocolVersion version, int flags, int streamId, int opcode, UUID tracingId, List<String> warnings,
                           Map<String, ByteBuffer> customPayload, ByteBuf source, int bodyStart, int bodyLength) {
        if (streamId < Short.MIN_VALUE || streamId > Short.MAX_VALUE) throw new IllegalArgumentException("stream id " + streamId);
        int header = (flags & 0xFF) << 24 | (opcode & 0xFF) << 16 | (streamId & 0xFFFF);
        return tracingId == null && warnings.isEmpty() && customPayload.isEmpty()
                ? new Frame(version, header, source, bodyStart, bodyLength)
                : new WithExtras(version, header, source, bodyStart, bodyLength, tracingId, warnings, customPayload);
    }

    /** A frame with what frames rarely carry, kept in a kind of its own so that the usual frame stays small. */
    static final class WithExtras extends Frame {
        private final UUID tracingId;
        private final List<String> warnings;
        private final Map<String, ByteBuffer> customPayload;

        private WithExtras(ProtocolVersion version, int header, ByteBuf source, int bodyStart, int bodyLength,
                           UUID tracingId, List<String> warnings, Map<String, ByteBuffer> customPayload) {
            super(version, header, source, bodyStart, bodyLength);
            this.tracingId = tracingId;
            this.warnings = warnings;
            this.customPayload = customPayload;
        }

        @Override
        public UUID tracingId() {
            return tracingId;
        }

        @Override
        public List<String> warnings() {
            return warnings;
        }

        @Override
        public Map<String, ByteBuffer> customPayload() {
            return customPayload;
        }
    }

    public ProtocolVersion version() {
        return version;
    }

    public int flags() {
        return header >>> 24;
    }

    public int streamId() {
        return (short) header;
    }

    public int opcode() {
        return (header >>> 16) & 0xFF;
    }

    /** Null when the frame has none. */
    public UUID tracingId() {
        return null;
    }

    /** Empty when the frame has none. */
    public List<String> warnings() {
        return List.of();
    }

    /** Empty when the frame has none. */
    public Map<String, ByteBuffer> customPayload() {
        return Map.of();
    }

    /** The body, as a fresh view with its own indexes: reading it never disturbs another reader. */
    public ByteBuf body() {
        return source.slice(bodyStart, bodyLength);
    }

    /** The buffer holding the body, from {@link #bodyStart()} on: read it in place, never change it. */
    ByteBuf source() {
        return source;
    }

    int bodyStart() {
        return bodyStart;
    }

    public int bodyLength() {
        return bodyLength;
    }

    /** The [int] at {@code offset} in the body, read in place. */
    public int bodyInt(int offset) {
        if (offset < 0 || offset + 4 > bodyLength) {
            throw new IndexOutOfBoundsException("int at " + offset + " of a " + bodyLength + "-byte body");
        }
        return source.getInt(bodyStart + offset);
    }

    @Override
    public String toString() {
        return "Frame[" + version + ", stream " + streamId() + ", " + Opcode.name(opcode()) + ", " + bodyLength + " bytes"
                + (tracingId() == null ? "" : ", tracing " + tracingId()) + (warnings().isEmpty() ? "" : ", warnings " + warnings()) + "]";
    }
}
