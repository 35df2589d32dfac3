package io.jsylla.testkit.scylla;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Hand-built protocol v4 bodies for tests, written from the specification. */
final class Bodies {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Bodies i32(int v) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(v).array());
        return this;
    }

    Bodies i16(int v) {
        out.writeBytes(ByteBuffer.allocate(2).putShort((short) v).array());
        return this;
    }

    Bodies i8(int v) {
        out.write(v);
        return this;
    }

    Bodies string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        i16(b.length);
        out.writeBytes(b);
        return this;
    }

    Bodies longString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        i32(b.length);
        out.writeBytes(b);
        return this;
    }

    Bodies shortBytes(byte[] b) {
        i16(b.length);
        out.writeBytes(b);
        return this;
    }

    /** A [bytes]; null for a null value. */
    Bodies bytes(byte[] b) {
        if (b == null) return i32(-1);
        i32(b.length);
        out.writeBytes(b);
        return this;
    }

    Bodies raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    byte[] build() {
        return out.toByteArray();
    }

    ByteBuffer buffer() {
        return ByteBuffer.wrap(build());
    }

    /** A whole frame around a body. */
    static byte[] frame(int versionByte, int flags, int stream, int opcode, byte[] body) {
        return ByteBuffer.allocate(9 + body.length).put((byte) versionByte).put((byte) flags).putShort((short) stream)
                .put((byte) opcode).putInt(body.length).put(body).array();
    }

    static byte[] bigint(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
