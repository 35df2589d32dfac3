package io.jsylla.testkit.scylla;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.jsylla.testkit.internal.ProbeCodec.writeShort;
import static io.jsylla.testkit.internal.ProbeCodec.writeString;

/**
 * The little of native protocol v4 framing the simulator reads and writes itself: the 9-byte
 * header, the few bodies it answers alone (SUPPORTED, ERROR), and the primitives of the bodies
 * it inspects. Everything else passes through as bytes.
 */
final class Frames {
    static final int HEADER = 9;
    /** Cassandra's default native_transport_max_frame_size is far below this; a guard, not a limit. */
    static final int MAX_BODY = 256 << 20;
    static final int FLAG_COMPRESSED = 0x01, FLAG_TRACING = 0x02, FLAG_CUSTOM_PAYLOAD = 0x04, FLAG_WARNING = 0x08;
    static final int ERROR = 0x00, STARTUP = 0x01, OPTIONS = 0x05, SUPPORTED = 0x06, QUERY = 0x07, RESULT = 0x08,
            PREPARE = 0x09, EXECUTE = 0x0A, EVENT = 0x0C, BATCH = 0x0D;
    static final int PROTOCOL_ERROR = 0x000A;
    static final int RESULT_ROWS = 2, RESULT_PREPARED = 4;

    private Frames() {}

    /** A whole response frame: the response version byte of {@code version}, no flags. */
    static byte[] response(int version, int stream, int opcode, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + body.length);
        b.put((byte) (0x80 | version)).put((byte) 0).putShort((short) stream).put((byte) opcode)
                .putInt(body.length).put(body);
        return b.array();
    }

    /** What ScyllaDB answers a frame of a protocol version it does not speak: an error in v4. */
    static byte[] unsupportedVersion(int stream, int version) {
        String message = "Invalid or unsupported protocol version (" + version + "); supported versions are (3/v3, 4/v4)";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeInt(body, PROTOCOL_ERROR);
        writeString(body, message);
        return response(4, stream, ERROR, body.toByteArray());
    }

    static byte[] stringMultimap(Map<String, List<String>> map) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeShort(out, map.size());
        map.forEach((k, values) -> {
            writeString(out, k);
            writeShort(out, values.size());
            values.forEach(v -> writeString(out, v));
        });
        return out.toByteArray();
    }

    /**
     * Moves {@code body} (positioned at the start of a response body) past the prefixes its
     * header flags announce: tracing id, warnings, custom payload, in that order.
     */
    static void skipResponsePrefixes(ByteBuffer body, int flags) {
        if ((flags & FLAG_TRACING) != 0) body.position(body.position() + 16);
        if ((flags & FLAG_WARNING) != 0) {
            int n = body.getShort() & 0xFFFF;
            for (int i = 0; i < n; i++) skipString(body);
        }
        if ((flags & FLAG_CUSTOM_PAYLOAD) != 0) {
            int n = body.getShort() & 0xFFFF;
            for (int i = 0; i < n; i++) {
                skipString(body);
                skipBytes(body);
            }
        }
    }

    static String readString(ByteBuffer b) {
        int n = b.getShort() & 0xFFFF;
        byte[] s = new byte[n];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    static String readLongString(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) throw new IllegalArgumentException("bad [long string] length " + n);
        byte[] s = new byte[n];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    /** A [string map]'s keys. */
    static java.util.Set<String> readStringMapKeys(ByteBuffer b) {
        int n = b.getShort() & 0xFFFF;
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            keys.add(readString(b));
            skipString(b);
        }
        return keys;
    }

    static void skipString(ByteBuffer b) {
        int n = b.getShort() & 0xFFFF;
        b.position(b.position() + n);
    }

    /** A [bytes] value as a slice (its own position 0), or null for a negative length. */
    static ByteBuffer readBytes(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0) return null;
        ByteBuffer v = b.slice();
        v.limit(n);
        b.position(b.position() + n);
        return v;
    }

    static void skipBytes(ByteBuffer b) {
        int n = b.getInt();
        if (n > 0) b.position(b.position() + n);
    }

    /** A [short bytes] value, copied. */
    static byte[] readShortBytes(ByteBuffer b) {
        byte[] v = new byte[b.getShort() & 0xFFFF];
        b.get(v);
        return v;
    }

    /** Skips a column type ([option]), nested types included. */
    static void skipType(ByteBuffer b) {
        int id = b.getShort() & 0xFFFF;
        switch (id) {
            case 0x0000 -> skipString(b);
            case 0x0020, 0x0022 -> skipType(b);
            case 0x0021 -> {
                skipType(b);
                skipType(b);
            }
            case 0x0030 -> {
                skipString(b);
                skipString(b);
                int n = b.getShort() & 0xFFFF;
                for (int i = 0; i < n; i++) {
                    skipString(b);
                    skipType(b);
                }
            }
            case 0x0031 -> {
                int n = b.getShort() & 0xFFFF;
                for (int i = 0; i < n; i++) skipType(b);
            }
            default -> { }
        }
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        writeShort(out, v >>> 16);
        writeShort(out, v);
    }
}
