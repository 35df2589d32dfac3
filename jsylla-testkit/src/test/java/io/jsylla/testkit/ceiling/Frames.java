package io.jsylla.testkit.ceiling;

import io.jsylla.testkit.internal.ProbeCodec;
import io.jsylla.testkit.internal.ProbeCodec.Type;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Request bodies the kit's probe cannot send (values, prepared statements, batches) and a
 * parser for RESULT Rows, written from the v4 spec on top of the probe's codec.
 */
final class Frames {
    static final int PREPARE = 0x09, EXECUTE = 0x0A, BATCH = 0x0D;
    static final int VALUES = 0x01, SKIP_METADATA = 0x02, PAGE_SIZE = 0x04, PAGING_STATE = 0x08;

    private Frames() {}

    /** A QUERY body at consistency ONE with the given flags, values (VALUES is added if any) and page size. */
    static byte[] query(String cql, int flags, int pageSize, byte[]... values) {
        return concat(longString(cql), parameters(flags, pageSize, null, values));
    }

    static byte[] execute(byte[] id, int flags, int pageSize, byte[] pagingState, byte[]... values) {
        return concat(shortBytes(id), parameters(flags, pageSize, pagingState, values));
    }

    static byte[] prepare(String cql) {
        return longString(cql);
    }

    static byte[] parameters(int flags, int pageSize, byte[] pagingState, byte[]... values) {
        ByteBuffer b = ByteBuffer.allocate(64 + List.of(values).stream().mapToInt(v -> 4 + v.length).sum()
                + (pagingState == null ? 0 : pagingState.length));
        flags |= (values.length > 0 ? VALUES : 0) | (pageSize > 0 ? PAGE_SIZE : 0) | (pagingState != null ? PAGING_STATE : 0);
        b.putShort((short) 1).put((byte) flags);
        if (values.length > 0) {
            b.putShort((short) values.length);
            for (byte[] v : values) b.putInt(v.length).put(v);
        }
        if (pageSize > 0) b.putInt(pageSize);
        if (pagingState != null) b.putInt(pagingState.length).put(pagingState);
        return slice(b);
    }

    static byte[] bigint(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    /** A [bytes]. */
    static byte[] bytes(byte[] v) {
        return ProbeCodec.bytes(v);
    }

    static byte[] longString(String s) {
        byte[] text = s.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + text.length).putInt(text.length).put(text).array();
    }

    static byte[] shortBytes(byte[] id) {
        return ByteBuffer.allocate(2 + id.length).putShort((short) id.length).put(id).array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    /** A decoded RESULT Rows; types are null when the result carried No_metadata. */
    record Rows(int flags, ByteBuffer pagingState, List<String> names, List<Type> types, List<List<ByteBuffer>> rows) {
        boolean hasMorePages() {
            return (flags & 0x0002) != 0;
        }

        Object value(int row, String column) {
            int c = names.indexOf(column);
            return ProbeCodec.decode(types.get(c), rows.get(row).get(c));
        }
    }

    /** Parses a RESULT body, which must be of kind Rows. */
    static Rows rows(ByteBuffer body) {
        ByteBuffer b = body.duplicate();
        int kind = b.getInt();
        if (kind != 2) throw new AssertionError("not a Rows result but kind " + kind);
        int flags = b.getInt();
        int columns = b.getInt();
        ByteBuffer paging = (flags & 0x0002) != 0 ? ProbeCodec.readBytes(b) : null;
        List<String> names = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        ProbeCodec.readColumnSpecs(b, flags, columns, names, types);
        int count = b.getInt();
        List<List<ByteBuffer>> rows = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            List<ByteBuffer> row = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) row.add(ProbeCodec.readBytes(b));
            rows.add(row);
        }
        return new Rows(flags, paging, names, types, rows);
    }

    /** The id in a RESULT Prepared body. */
    static byte[] preparedId(ByteBuffer body) {
        ByteBuffer b = body.duplicate();
        if (b.getInt() != 4) throw new AssertionError("not a Prepared result");
        byte[] id = new byte[b.getShort()];
        b.get(id);
        return id;
    }

    private static byte[] slice(ByteBuffer b) {
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }
}
