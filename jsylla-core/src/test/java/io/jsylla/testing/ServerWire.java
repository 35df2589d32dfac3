package io.jsylla.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The few v4 notations the scripted server reads and writes, by hand (native_protocol_v4.spec,
 * section 3), so the fixture does not depend on the driver's own codec.
 */
final class ServerWire {
    static final int VERSION = 4, HEADER = 9;
    static final int ERROR = 0x00, STARTUP = 0x01, READY = 0x02, OPTIONS = 0x05, SUPPORTED = 0x06, QUERY = 0x07,
            RESULT = 0x08, PREPARE = 0x09, EXECUTE = 0x0A, REGISTER = 0x0B, BATCH = 0x0D;
    static final int VOID = 1, ROWS = 2, SET_KEYSPACE = 3, PREPARED = 4;
    static final int GLOBAL_TABLE_SPEC = 0x0001;
    /** Type ids of [option]s. */
    static final int INT = 0x09, UUID = 0x0C, TEXT = 0x0D, INET = 0x10, SET = 0x22;

    private ServerWire() {}

    static byte[] encode(Consumer<ByteBuf> writer) {
        ByteBuf b = Unpooled.buffer();
        try {
            writer.accept(b);
            return ByteBufUtil.getBytes(b);
        } finally {
            b.release();
        }
    }

    static void writeString(ByteBuf b, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        b.writeShort(bytes.length).writeBytes(bytes);
    }

    static void writeBytes(ByteBuf b, byte[] value) {
        if (value == null) b.writeInt(-1);
        else b.writeInt(value.length).writeBytes(value);
    }

    static void writeShortBytes(ByteBuf b, byte[] value) {
        b.writeShort(value.length).writeBytes(value);
    }

    static void writeStringMultimap(ByteBuf b, Map<String, List<String>> map) {
        b.writeShort(map.size());
        map.forEach((k, v) -> {
            writeString(b, k);
            b.writeShort(v.size());
            for (String s : v) writeString(b, s);
        });
    }

    static String readString(ByteBuf b) {
        return b.readCharSequence(b.readUnsignedShort(), StandardCharsets.UTF_8).toString();
    }

    static String readLongString(ByteBuf b) {
        return b.readCharSequence(b.readInt(), StandardCharsets.UTF_8).toString();
    }

    static byte[] readShortBytes(ByteBuf b) {
        byte[] id = new byte[b.readUnsignedShort()];
        b.readBytes(id);
        return id;
    }

    /** Skips a [bytes]/[value] (-1 null and -2 unset carry nothing). */
    static void skipValue(ByteBuf b) {
        int n = b.readInt();
        if (n > 0) b.skipBytes(n);
    }

    /** Skips a custom payload ([bytes map]). */
    static void skipBytesMap(ByteBuf b) {
        int n = b.readUnsignedShort();
        for (int i = 0; i < n; i++) {
            b.skipBytes(b.readUnsignedShort());
            skipValue(b);
        }
    }

    /** A column of a result or a bind marker: its name and its type [option], encoded. */
    record Column(String name, byte[] type) {
        static Column of(String name, int typeId) {
            return new Column(name, new byte[] {0, (byte) typeId});
        }

        static Column setOfText(String name) {
            return new Column(name, new byte[] {0, SET, 0, TEXT});
        }
    }

    /** Metadata: flags, count, [global table spec], then each column's name and type. */
    static void writeMetadata(ByteBuf b, String keyspace, String table, List<Column> columns, int[] pkIndexes) {
        b.writeInt(columns.isEmpty() ? 0 : GLOBAL_TABLE_SPEC).writeInt(columns.size());
        if (pkIndexes != null) {
            b.writeInt(pkIndexes.length);
            for (int i : pkIndexes) b.writeShort(i);
        }
        if (columns.isEmpty()) return;
        writeString(b, keyspace);
        writeString(b, table);
        for (Column c : columns) {
            writeString(b, c.name());
            b.writeBytes(c.type());
        }
    }

    /** A RESULT Rows body. */
    static byte[] rows(String keyspace, String table, List<Column> columns, List<List<byte[]>> rows) {
        return encode(b -> {
            b.writeInt(ROWS);
            writeMetadata(b, keyspace, table, columns, null);
            b.writeInt(rows.size());
            for (List<byte[]> row : rows) for (byte[] v : row) writeBytes(b, v);
        });
    }

    static byte[] error(int code, String message) {
        return encode(b -> {
            b.writeInt(code);
            writeString(b, message);
        });
    }
}
