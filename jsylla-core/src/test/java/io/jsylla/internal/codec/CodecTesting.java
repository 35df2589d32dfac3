package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.ByteBuffer;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Helpers for codec tests: hex byte vectors, and decoding from inside a larger buffer. */
final class CodecTesting {

    private static final HexFormat HEX = HexFormat.of();

    private CodecTesting() {
    }

    static String hex(ByteBuffer b) {
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        return HEX.formatHex(bytes);
    }

    static String encodeHex(DataType type, Object value) {
        return hex(Codecs.of(type).encodeToBuffer(value));
    }

    /** Hex may contain spaces for readability. */
    static byte[] bytes(String hex) {
        return HEX.parseHex(hex.replace(" ", ""));
    }

    /** Decodes the bytes placed between junk, so a codec reading outside its range would be caught. */
    static Object decodeHex(DataType type, String hex) {
        byte[] value = bytes(hex);
        ByteBuf buf = Unpooled.buffer();
        buf.writeBytes(new byte[] {(byte) 0xAA, (byte) 0xBB, (byte) 0xCC});
        buf.writeBytes(value);
        buf.writeBytes(new byte[] {(byte) 0xDD, (byte) 0xEE});
        int reader = buf.readerIndex();
        int writer = buf.writerIndex();
        Object decoded = Codecs.decode(type, buf, 3, value.length);
        if (buf.readerIndex() != reader || buf.writerIndex() != writer) {
            throw new AssertionError("decode moved the buffer's indexes");
        }
        return decoded;
    }

    static Object roundTrip(DataType type, Object value) {
        return decodeHex(type, encodeHex(type, value));
    }

    /** Asserts that encoding value fails with a CodecException whose message contains every part. */
    static void assertRejected(DataType type, Object value, String... parts) {
        assertThatThrownBy(() -> Codecs.of(type).encodeToBuffer(value))
                .isInstanceOf(CodecException.class)
                .message().contains(parts);
    }

    static void assertUndecodable(DataType type, String hex, String... parts) {
        assertThatThrownBy(() -> decodeHex(type, hex))
                .isInstanceOf(CodecException.class)
                .message().contains(parts);
    }
}
