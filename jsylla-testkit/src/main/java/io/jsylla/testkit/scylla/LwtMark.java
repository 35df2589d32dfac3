package io.jsylla.testkit.scylla;

import io.netty.buffer.ByteBuf;

/**
 * ScyllaDB's LWT metadata mark ({@code SCYLLA_LWT_ADD_METADATA_MARK}): in a PREPARED answer of a
 * conditional statement, bit 31 of the flags of the first metadata block (the bind variables',
 * which holds the partition key indexes), set for connections that negotiated it.
 */
final class LwtMark {
    static final String KEY = "SCYLLA_LWT_ADD_METADATA_MARK";
    static final int MASK = 0x80000000;
    static final String VALUE = "LWT_OPTIMIZATION_META_BIT_MASK=" + Integer.toUnsignedString(MASK);

    private LwtMark() {}

    /**
     * The frame index of the bind-variables metadata flags of a PREPARED answer (v3/v4: {@code
     * [int kind=4][short bytes id][int flags]...} after the response prefixes), or -1 when the
     * frame (header included, uncompressed) is not a PREPARED result.
     */
    static int flagsIndex(ByteBuf frame) {
        int at = frame.readerIndex();
        if ((frame.getByte(at + 4) & 0xFF) != Frames.RESULT) return -1;
        java.nio.ByteBuffer body = frame.nioBuffer(at, frame.readableBytes()).position(Frames.HEADER);
        Frames.skipResponsePrefixes(body, frame.getByte(at + 1));
        if (body.getInt() != Frames.RESULT_PREPARED) return -1;
        int idLength = body.getShort() & 0xFFFF;
        int flags = body.position() + idLength;
        return flags + 4 <= body.limit() ? at + flags : -1;
    }

    /** Sets the mark in a PREPARED answer; false when the frame is no PREPARED result. */
    static boolean mark(ByteBuf frame) {
        int i = flagsIndex(frame);
        if (i < 0) return false;
        frame.setInt(i, frame.getInt(i) | MASK);
        return true;
    }
}
