package io.jsylla.testkit.ceiling;

import static io.jsylla.testkit.ceiling.Statements.KEYSPACE;
import static io.jsylla.testkit.ceiling.Statements.KV;
import static io.jsylla.testkit.ceiling.Statements.TABLE;

import io.jsylla.testkit.ceiling.Wire.CqlError;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;

/**
 * The answers that depend on the request: a read by key, which echoes the key, and the pages
 * of a scan, appended to the connection's response buffer. Everything else in them (metadata,
 * the value) is encoded once, here.
 */
final class Workload {
    static final int DEFAULT_PAGE_SIZE = 5000;

    private final int scanRows;
    /** v as a [bytes]: its length, then fixed content. */
    private final byte[] value;
    /** A GET's RESULT body up to its one row, with and without metadata. */
    private final byte[] getPrefix, getPrefixBare;

    Workload(int valueSize, int scanRows) {
        this.scanRows = scanRows;
        this.value = Wire.encode(b -> {
            b.writeInt(valueSize);
            for (int i = 0; i < valueSize; i++) b.writeByte(i);
        });
        this.getPrefix = rowsPrefix(false);
        this.getPrefixBare = rowsPrefix(true);
    }

    private static byte[] rowsPrefix(boolean skipMetadata) {
        return Wire.encode(b -> {
            b.writeInt(Wire.ROWS);
            Wire.writeRowsMetadata(b, KEYSPACE, TABLE, KV, skipMetadata, null);
            b.writeInt(1);
        });
    }

    /** The most a GET's response takes. */
    int maxGetResponse() {
        return Wire.HEADER + getPrefix.length + 4 + 8 + value.length;
    }

    /** SELECT k, v FROM bench.kv WHERE k = ?: one row, k echoed from the request frame; appended to out. */
    void get(ByteBuf out, int stream, ByteBuf frame, QueryParameters p) {
        if (p.firstValueLength() != 8) {
            throw new CqlError(Wire.INVALID, "k must be bound to 8 bytes (bigint), not " + p.firstValueLength());
        }
        byte[] prefix = p.skipMetadata() ? getPrefixBare : getPrefix;
        int head = prefix.length + 4 + 8;
        Wire.writeHeader(out, stream, Wire.RESULT, head + value.length);
        out.writeBytes(prefix).writeInt(8).writeBytes(frame, p.firstValueIndex(), 8).writeBytes(value);
    }

    /**
     * SELECT k, v FROM bench.kv: rows k = offset.. of one page; the paging state is the next
     * offset as 8 bytes. A page is kept within the frame limit whatever the page size asked.
     */
    void scan(ByteBuf out, int stream, QueryParameters p) {
        long offset = p.offset();
        if (offset < 0 || offset > scanRows) throw new CqlError(Wire.PROTOCOL_ERROR, "paging state out of range: " + offset);
        int rows = pageRows(p, offset);
        long next = offset + rows;
        byte[] pagingState = next < scanRows ? ByteBuffer.allocate(8).putLong(next).array() : null;

        int start = out.writerIndex();
        Wire.writeHeader(out, stream, Wire.RESULT, 0);
        out.writeInt(Wire.ROWS);
        Wire.writeRowsMetadata(out, KEYSPACE, TABLE, KV, p.skipMetadata(), pagingState);
        out.writeInt(rows);
        for (long k = offset; k < next; k++) out.writeInt(8).writeLong(k).writeBytes(value);
        out.setInt(start + 5, out.writerIndex() - start - Wire.HEADER);
    }

    /** The rows of the page asked for from offset: a page is kept within the frame limit whatever the page size asked. */
    private int pageRows(QueryParameters p, long offset) {
        int rowSize = 4 + 8 + value.length;
        int pageSize = Math.min(p.pageSize() > 0 ? p.pageSize() : DEFAULT_PAGE_SIZE, (Wire.MAX_BODY - 1024) / rowSize);
        return (int) Math.max(0, Math.min(pageSize, scanRows - Math.max(0, offset)));
    }

    /** The most a scan page's response takes. */
    int maxScanResponse(QueryParameters p) {
        return Wire.HEADER + 256 + pageRows(p, p.offset()) * (4 + 8 + value.length);
    }
}
