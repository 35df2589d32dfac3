package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

import java.util.Locale;

/** A v4 frame-body compression algorithm, as named in the STARTUP COMPRESSION option. */
public interface Compressor {

    /** Bodies claiming to decompress to more than this are refused before any allocation. */
    int MAX_UNCOMPRESSED_LENGTH = FrameCodec.DEFAULT_MAX_BODY_LENGTH;

    /** The STARTUP COMPRESSION value: "lz4" or "snappy". */
    String name();

    /** Compresses {@code in}'s readable bytes into a new heap buffer in the v4 body format; {@code in} is untouched. */
    ByteBuf compress(ByteBuf in);

    /** Decompresses a v4 body into a new heap buffer; {@code in} is untouched. */
    ByteBuf decompress(ByteBuf in);

    static Compressor forName(String name) {
        return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case "lz4" -> Lz4Compressor.INSTANCE;
            case "snappy" -> SnappyCompressor.INSTANCE;
            default -> throw new IllegalArgumentException("unknown compression '" + name + "'; expected lz4 or snappy");
        };
    }
}
