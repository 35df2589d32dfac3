package io.jsylla.testkit.ceiling;

import static io.jsylla.testkit.ceiling.Statements.KEYSPACE;
import static io.jsylla.testkit.ceiling.Statements.KV;
import static io.jsylla.testkit.ceiling.Statements.TABLE;

import io.jsylla.testkit.ceiling.Wire.CqlError;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import java.nio.ByteBuffer;

/**
 * The answers that depend on the request: a read by key, which echoes the key, and the pages
 * of a scan. Everything else in them (metadata, the value) is encoded once, here.
 */
final class Workload {
    static final int DEFAULT_PAGE_SIZE = 5000;
    /** Values up to this size are copied into the response; larger ones are shared, not copied. */
    private static final int INLINE_LIMIT = 2048;

    private final int scanRows;
    /** v as a [bytes]: its length, then fixed content. */
    private final byte[] value;
    /** The same, off-heap, for values too large to copy into every response. */
    private final ByteBuf sharedValue;
    /** A GET's RESULT body up to its one row, with and without metadata. */
    private final byte[] getPrefix, getPrefixBare;

    Workload(int valueSize, int scanRows) {
        this.scanRows = scanRows;
        this.value = Wire.encode(b -> {
            b.writeInt(valueSize);
            for (int i = 0; i < valueSize; i++) b.writeByte(i);
        });
        this.sharedValue = valueSize > INLINE_LIMIT ? Unpooled.directBuffer(value.length).writeBytes(value) : null;
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

    /** SELECT k, v FROM bench.kv WHERE k = ?: one row, k echoed from the request frame. */
    void get(ChannelHandlerContext ctx, int stream, ByteBuf frame, QueryParameters p) {
        if (p.firstValueLength() != 8) {
            throw new CqlError(Wire.INVALID, "k must be bound to 8 bytes (bigint), not " + p.firstValueLength());
        }
        byte[] prefix = p.skipMetadata() ? getPrefixBare : getPrefix;
        int head = prefix.length + 4 + 8;
        ByteBuf out = ctx.alloc().buffer(Wire.HEADER + head + (sharedValue == null ? value.length : 0));
        Wire.writeHeader(out, stream, Wire.RESULT, head + value.length);
        out.writeBytes(prefix).writeInt(8).writeBytes(frame, p.firstValueIndex(), 8);
        if (sharedValue == null) {
            ctx.write(out.writeBytes(value), ctx.voidPromise());
        } else {
            ctx.write(out, ctx.voidPromise());
            ctx.write(sharedValue.retainedDuplicate(), ctx.voidPromise());
        }
    }

    /**
     * SELECT k, v FROM bench.kv: rows k = offset.. of one page; the paging state is the next
     * offset as 8 bytes. A page is kept within the frame limit whatever the page size asked.
     */
    void scan(ChannelHandlerContext ctx, int stream, QueryParameters p) {
        long offset = p.offset();
        if (offset < 0 || offset > scanRows) throw new CqlError(Wire.PROTOCOL_ERROR, "paging state out of range: " + offset);
        int rowSize = 4 + 8 + value.length;
        int pageSize = Math.min(p.pageSize() > 0 ? p.pageSize() : DEFAULT_PAGE_SIZE, (Wire.MAX_BODY - 1024) / rowSize);
        int rows = (int) Math.min(pageSize, scanRows - offset);
        long next = offset + rows;
        byte[] pagingState = next < scanRows ? ByteBuffer.allocate(8).putLong(next).array() : null;

        ByteBuf out = ctx.alloc().buffer(Wire.HEADER + 128 + rows * rowSize);
        int start = out.writerIndex();
        Wire.writeHeader(out, stream, Wire.RESULT, 0);
        out.writeInt(Wire.ROWS);
        Wire.writeRowsMetadata(out, KEYSPACE, TABLE, KV, p.skipMetadata(), pagingState);
        out.writeInt(rows);
        for (long k = offset; k < next; k++) out.writeInt(8).writeLong(k).writeBytes(value);
        out.setInt(start + 5, out.writerIndex() - start - Wire.HEADER);
        ctx.write(out, ctx.voidPromise());
    }

    void release() {
        if (sharedValue != null) sharedValue.release();
    }
}
