package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

/**
 * A page of rows. The cells are not decoded here: they are bytes {@code start} (the first cell of
 * the first row, {@code rowCount * columnCount} [bytes] in all) to {@code end} of {@code buffer},
 * the frame's unpooled heap memory, which needs no release and which other frames may share.
 */
public record RowsResult(RowsMetadata metadata, int rowCount, ByteBuf buffer, int start, int end) implements Result {

    /** Rows that are {@code rows}' readable bytes. */
    public RowsResult(RowsMetadata metadata, int rowCount, ByteBuf rows) {
        this(metadata, rowCount, rows, rows.readerIndex(), rows.writerIndex());
    }

    /** The cells as a fresh view of their own, for tests and diagnostics (the driver reads them in place). */
    public ByteBuf rows() {
        return buffer.slice(start, end - start);
    }
}
