package io.jsylla.testkit.ceiling;

import io.jsylla.testkit.internal.ProbeCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The v4 notations of section 3 of the spec ([string], [bytes], [option]...), read from and
 * written to Netty buffers, plus the opcodes, type ids and error codes the server uses. The
 * opcodes shared with the kit's probe come from {@link ProbeCodec}.
 */
final class Wire {
    static final int VERSION = ProbeCodec.VERSION;
    static final int HEADER = 9;
    /** Section 2.5: a frame body is limited to 256 MiB. */
    static final int MAX_BODY = 256 << 20;

    static final int ERROR = ProbeCodec.ERROR, STARTUP = ProbeCodec.STARTUP, READY = ProbeCodec.READY,
            OPTIONS = ProbeCodec.OPTIONS, SUPPORTED = ProbeCodec.SUPPORTED, QUERY = ProbeCodec.QUERY,
            RESULT = ProbeCodec.RESULT, PREPARE = 0x09, EXECUTE = 0x0A, REGISTER = 0x0B, BATCH = 0x0D;

    static final int VOID = 1, ROWS = 2, SET_KEYSPACE = 3, PREPARED = 4;
    static final int GLOBAL_TABLE_SPEC = 0x0001, HAS_MORE_PAGES = 0x0002, NO_METADATA = 0x0004;

    static final int SERVER_ERROR = 0x0000, PROTOCOL_ERROR = 0x000A, SYNTAX_ERROR = 0x2000, INVALID = 0x2200,
            UNPREPARED = 0x2500;

    /** Type [option]s as the two-byte id, then the parameters of a collection. */
    static final byte[] BIGINT = {0, 0x02}, BLOB = {0, 0x03}, INT = {0, 0x09}, UUID = {0, 0x0C},
            TEXT = {0, 0x0D}, INET = {0, 0x10}, SET_OF_TEXT = {0, 0x22, 0, 0x0D};

    private Wire() {}

    /** Encodes once, on the heap: for the constant parts of responses, copied into each frame. */
    static byte[] encode(Consumer<ByteBuf> writer) {
        ByteBuf b = Unpooled.buffer();
        writer.accept(b);
        return ByteBufUtil.getBytes(b);
    }

    static void writeHeader(ByteBuf out, int stream, int opcode, int length) {
        out.writeByte(0x80 | VERSION).writeByte(0).writeShort(stream).writeByte(opcode).writeInt(length);
    }

    static void writeString(ByteBuf b, String s) {
        int at = b.writerIndex();
        b.writeShort(0);
        b.setShort(at, b.writeCharSequence(s, StandardCharsets.UTF_8));
    }

    static void writeStringList(ByteBuf b, List<String> list) {
        b.writeShort(list.size());
        for (String s : list) writeString(b, s);
    }

    static void writeStringMultimap(ByteBuf b, Map<String, List<String>> map) {
        b.writeShort(map.size());
        map.forEach((k, v) -> {
            writeString(b, k);
            writeStringList(b, v);
        });
    }

    /** A [bytes]; null is length -1. */
    static void writeBytes(ByteBuf b, byte[] value) {
        if (value == null) {
            b.writeInt(-1);
        } else {
            b.writeInt(value.length).writeBytes(value);
        }
    }

    static void writeShortBytes(ByteBuf b, byte[] value) {
        b.writeShort(value.length).writeBytes(value);
    }

    static String readString(ByteBuf b) {
        return b.readCharSequence(b.readUnsignedShort(), StandardCharsets.UTF_8).toString();
    }

    static String readLongString(ByteBuf b) {
        int n = b.readInt();
        if (n < 0) throw new CqlError(PROTOCOL_ERROR, "negative [long string] length " + n);
        return b.readCharSequence(n, StandardCharsets.UTF_8).toString();
    }

    static Map<String, String> readStringMap(ByteBuf b) {
        int n = b.readUnsignedShort();
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < n; i++) map.put(readString(b), readString(b));
        return map;
    }

    /** Skips a [bytes] or [value] (whose -1 and -2 carry no bytes either). */
    static void skipValue(ByteBuf b) {
        int n = b.readInt();
        if (n > 0) b.skipBytes(n);
    }

    /** Skips a custom payload ([bytes map]), which requests carry before their body. */
    static void skipBytesMap(ByteBuf b) {
        int n = b.readUnsignedShort();
        for (int i = 0; i < n; i++) {
            b.skipBytes(b.readUnsignedShort());
            skipValue(b);
        }
    }

    /** A column of a result or a bind variable: its name and type [option]. */
    record Column(String name, byte[] type) {}

    /**
     * Rows metadata (section 4.2.5.2): flags, column count, the paging state if more pages
     * follow, then the column specs unless the client asked to skip them.
     */
    static void writeRowsMetadata(ByteBuf b, String keyspace, String table, List<Column> columns,
                                  boolean skip, byte[] pagingState) {
        int flags = skip ? NO_METADATA : columns.isEmpty() ? 0 : GLOBAL_TABLE_SPEC;
        b.writeInt(flags | (pagingState == null ? 0 : HAS_MORE_PAGES)).writeInt(columns.size());
        if (pagingState != null) writeBytes(b, pagingState);
        if (!skip) writeSpecs(b, keyspace, table, columns);
    }

    /** One global table spec, then each column's name and type; nothing when there are no columns. */
    static void writeSpecs(ByteBuf b, String keyspace, String table, List<Column> columns) {
        if (columns.isEmpty()) return;
        writeString(b, keyspace);
        writeString(b, table);
        for (Column c : columns) {
            writeString(b, c.name());
            b.writeBytes(c.type());
        }
    }

    /** An ERROR body: [int] code, [string] message, then the code's extra content, if any. */
    static byte[] error(int code, String message, byte[] unpreparedId) {
        return encode(b -> {
            b.writeInt(code);
            writeString(b, message);
            if (unpreparedId != null) writeShortBytes(b, unpreparedId);
        });
    }

    /** An error answered to a request, as an exception so that parsing code can simply throw it. */
    static final class CqlError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;
        final transient byte[] unpreparedId;

        CqlError(int code, String message) {
            this(code, message, null);
        }

        CqlError(int code, String message, byte[] unpreparedId) {
            super(message, null, false, false); // no stack trace: it is an answer, not a bug
            this.code = code;
            this.unpreparedId = unpreparedId;
        }

        byte[] body() {
            return error(code, getMessage(), unpreparedId);
        }
    }
}
