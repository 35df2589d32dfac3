package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Byte vectors in readable hex: spaces, newlines and {@code |} separators are ignored. */
final class Hex {

    private Hex() {
    }

    static byte[] bytes(String... parts) {
        return HexFormat.of().parseHex(String.join("", parts).replaceAll("[\\s|]", ""));
    }

    static ByteBuf buf(String... parts) {
        return Unpooled.wrappedBuffer(bytes(parts));
    }

    static ByteBuffer nio(String... parts) {
        return ByteBuffer.wrap(bytes(parts));
    }

    /** The readable bytes, not consumed. */
    static String hex(ByteBuf buf) {
        return ByteBufUtil.hexDump(buf);
    }

    /** Normalizes a vector to plain lower-case hex, to compare with {@link #hex(ByteBuf)}. */
    static String norm(String... parts) {
        return HexFormat.of().formatHex(bytes(parts));
    }

    /** The hex of an ASCII text, for the content of strings whose length prefix the vector spells out. */
    static String ascii(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.US_ASCII));
    }
}
