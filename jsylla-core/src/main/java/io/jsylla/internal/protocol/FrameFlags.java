package io.jsylla.internal.protocol;

/** Bits of the frame header's flags byte. */
public final class FrameFlags {
    /** The body is compressed with the algorithm agreed in STARTUP (v4 only; v5 compresses segments). */
    public static final int COMPRESSED = 0x01;
    /** Request: trace it. Response: the body starts with the tracing session id. */
    public static final int TRACING = 0x02;
    /** The body starts (after any tracing id and warnings) with a [bytes map] custom payload. */
    public static final int CUSTOM_PAYLOAD = 0x04;
    /** Response: the body carries a [string list] of server warnings. */
    public static final int WARNING = 0x08;
    /** The frame uses a protocol version still in beta. */
    public static final int USE_BETA = 0x10;

    private FrameFlags() {
    }
}
