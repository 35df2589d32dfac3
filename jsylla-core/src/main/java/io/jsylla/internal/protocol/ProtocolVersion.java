package io.jsylla.internal.protocol;

/** The native protocol versions this codec speaks. */
public enum ProtocolVersion {
    V4(4), V5(5);

    /** The version tried first when negotiating. */
    public static final ProtocolVersion LATEST = V5;

    private final int code;

    ProtocolVersion(int code) {
        this.code = code;
    }

    /** The version number as the frame header carries it (without the response bit). */
    public int code() {
        return code;
    }

    /** Whether frames travel inside CRC-protected segments once the connection is ready (v5). */
    public boolean usesSegments() {
        return this == V5;
    }

    public static ProtocolVersion latest() {
        return LATEST;
    }

    /** The next version to try when a server refuses this one, or null when there is none. */
    public ProtocolVersion lower() {
        return this == V5 ? V4 : null;
    }

    public static ProtocolVersion fromCode(int code) {
        return switch (code) {
            case 4 -> V4;
            case 5 -> V5;
            default -> throw new IllegalArgumentException("unsupported native protocol version " + code);
        };
    }
}
