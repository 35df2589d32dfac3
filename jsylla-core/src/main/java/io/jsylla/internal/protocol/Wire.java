package io.jsylla.internal.protocol;

import io.jsylla.Consistency;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The notations of the spec's section 3 ([string], [bytes], [value], [inet]...). Readers check every
 * declared length against the readable bytes before allocating, so a hostile length fails fast with a
 * {@link CodecException} instead of an allocation; maps keep the wire order.
 */
public final class Wire {

    private Wire() {
    }

    // ---- [string], [long string]

    public static String readString(ByteBuf in) {
        return readUtf8(in, in.readUnsignedShort(), "[string]");
    }

    public static void writeString(String s, ByteBuf out) {
        int length = ByteBufUtil.utf8Bytes(s);
        if (length > 0xFFFF) throw new IllegalArgumentException("[string] longer than 65535 bytes: " + length);
        out.writeShort(length);
        ByteBufUtil.writeUtf8(out, s);
    }

    public static String readLongString(ByteBuf in) {
        int length = in.readInt();
        if (length < 0) throw new CodecException("negative [long string] length " + length);
        return readUtf8(in, length, "[long string]");
    }

    public static void writeLongString(String s, ByteBuf out) {
        out.writeInt(ByteBufUtil.utf8Bytes(s));
        ByteBufUtil.writeUtf8(out, s);
    }

    private static String readUtf8(ByteBuf in, int length, String what) {
        checkReadable(in, length, what);
        String s = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length);
        return s;
    }

    // ---- [bytes], [short bytes], [value]

    /** A [bytes]: null when the length is negative. */
    public static byte[] readBytes(ByteBuf in) {
        int length = in.readInt();
        if (length < 0) return null;
        return readArray(in, length, "[bytes]");
    }

    /** A [bytes] as a heap ByteBuffer, null when the length is negative. */
    public static ByteBuffer readBytesBuffer(ByteBuf in) {
        byte[] bytes = readBytes(in);
        return bytes == null ? null : ByteBuffer.wrap(bytes);
    }

    public static void writeBytes(byte[] bytes, ByteBuf out) {
        if (bytes == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(bytes.length);
            out.writeBytes(bytes);
        }
    }

    /** A [bytes] from the remaining bytes of a ByteBuffer, whose position is left alone; null writes -1. */
    public static void writeBytes(ByteBuffer bytes, ByteBuf out) {
        if (bytes == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(bytes.remaining());
            out.writeBytes(bytes.duplicate());
        }
    }

    public static byte[] readShortBytes(ByteBuf in) {
        return readArray(in, in.readUnsignedShort(), "[short bytes]");
    }

    public static void writeShortBytes(byte[] bytes, ByteBuf out) {
        if (bytes.length > 0xFFFF) throw new IllegalArgumentException("[short bytes] longer than 65535: " + bytes.length);
        out.writeShort(bytes.length);
        out.writeBytes(bytes);
    }

    /**
     * A [value]: bytes, null (n = -1) or {@link Values#UNSET_VALUE} (n = -2). Any other negative
     * length is malformed.
     */
    public static ByteBuffer readValue(ByteBuf in) {
        int length = in.readInt();
        if (length == -1) return null;
        if (length == -2) return Values.UNSET_VALUE;
        if (length < 0) throw new CodecException("invalid [value] length " + length + " (must be >= -2)");
        return ByteBuffer.wrap(readArray(in, length, "[value]"));
    }

    /** A [value]: null as -1, the {@link Values#UNSET_VALUE} instance as -2, else the buffer's remaining bytes. */
    public static void writeValue(ByteBuffer value, ByteBuf out) {
        if (value == null) {
            out.writeInt(-1);
        } else if (value == Values.UNSET_VALUE) {
            out.writeInt(-2);
        } else {
            out.writeInt(value.remaining());
            out.writeBytes(value.duplicate());
        }
    }

    private static byte[] readArray(ByteBuf in, int length, String what) {
        checkReadable(in, length, what);
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return bytes;
    }

    // ---- lists and maps

    public static List<String> readStringList(ByteBuf in) {
        int n = in.readUnsignedShort();
        List<String> list = new ArrayList<>(Math.min(n, in.readableBytes() / 2));
        for (int i = 0; i < n; i++) list.add(readString(in));
        return Collections.unmodifiableList(list);
    }

    public static void writeStringList(List<String> list, ByteBuf out) {
        writeCount(list.size(), out, "[string list]");
        for (String s : list) writeString(s, out);
    }

    public static Map<String, String> readStringMap(ByteBuf in) {
        int n = in.readUnsignedShort();
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) map.put(readString(in), readString(in));
        return Collections.unmodifiableMap(map);
    }

    public static void writeStringMap(Map<String, String> map, ByteBuf out) {
        writeCount(map.size(), out, "[string map]");
        map.forEach((k, v) -> {
            writeString(k, out);
            writeString(v, out);
        });
    }

    public static Map<String, List<String>> readStringMultimap(ByteBuf in) {
        int n = in.readUnsignedShort();
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) map.put(readString(in), readStringList(in));
        return Collections.unmodifiableMap(map);
    }

    public static void writeStringMultimap(Map<String, List<String>> map, ByteBuf out) {
        writeCount(map.size(), out, "[string multimap]");
        map.forEach((k, v) -> {
            writeString(k, out);
            writeStringList(v, out);
        });
    }

    /** A [bytes map]; null values stay null. */
    public static Map<String, ByteBuffer> readBytesMap(ByteBuf in) {
        int n = in.readUnsignedShort();
        Map<String, ByteBuffer> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) map.put(readString(in), readBytesBuffer(in));
        return Collections.unmodifiableMap(map);
    }

    public static void writeBytesMap(Map<String, ByteBuffer> map, ByteBuf out) {
        writeCount(map.size(), out, "[bytes map]");
        map.forEach((k, v) -> {
            writeString(k, out);
            writeBytes(v, out);
        });
    }

    static void writeCount(int n, ByteBuf out, String what) {
        if (n > 0xFFFF) throw new IllegalArgumentException(what + " has more than 65535 entries: " + n);
        out.writeShort(n);
    }

    // ---- [uuid], [inet], [inetaddr], [consistency]

    public static UUID readUuid(ByteBuf in) {
        checkReadable(in, 16, "[uuid]");
        return new UUID(in.readLong(), in.readLong());
    }

    public static void writeUuid(UUID uuid, ByteBuf out) {
        out.writeLong(uuid.getMostSignificantBits());
        out.writeLong(uuid.getLeastSignificantBits());
    }

    /** An [inet]: an [inetaddr] followed by an [int] port. */
    public static InetSocketAddress readInet(ByteBuf in) {
        InetAddress address = readInetAddr(in);
        int port = in.readInt();
        if (port < 0 || port > 0xFFFF) throw new CodecException("invalid [inet] port " + port);
        return new InetSocketAddress(address, port);
    }

    public static void writeInet(InetSocketAddress address, ByteBuf out) {
        writeInetAddr(address.getAddress(), out);
        out.writeInt(address.getPort());
    }

    /** An [inetaddr]: a [byte] size, 4 or 16, then the address bytes. */
    public static InetAddress readInetAddr(ByteBuf in) {
        int size = in.readUnsignedByte();
        if (size != 4 && size != 16) throw new CodecException("invalid [inetaddr] size " + size + " (must be 4 or 16)");
        byte[] bytes = readArray(in, size, "[inetaddr]");
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new CodecException("invalid [inetaddr]", e); // unreachable for 4 or 16 bytes
        }
    }

    public static void writeInetAddr(InetAddress address, ByteBuf out) {
        byte[] bytes = address.getAddress();
        out.writeByte(bytes.length);
        out.writeBytes(bytes);
    }

    public static Consistency readConsistency(ByteBuf in) {
        int code = in.readUnsignedShort();
        try {
            return Consistency.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new CodecException("unknown consistency code 0x" + Integer.toHexString(code), e);
        }
    }

    public static void writeConsistency(Consistency consistency, ByteBuf out) {
        out.writeShort(consistency.code());
    }

    static void checkReadable(ByteBuf in, int length, String what) {
        if (length > in.readableBytes()) {
            throw new CodecException(what + " declares " + length + " bytes but only " + in.readableBytes()
                    + " remain");
        }
    }
}
