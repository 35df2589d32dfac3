package io.jsylla.internal.result;

import io.jsylla.ColumnSpec;
import io.jsylla.DataType;
import io.jsylla.PagingState;
import io.jsylla.QueryResult;
import io.jsylla.Row;
import io.jsylla.internal.codec.Codecs;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds results as the protocol layer would hand them over: cells as [bytes] in one buffer. */
final class TestRows {
    /** Marks a cell that holds a zero-length value. */
    static final Object EMPTY = new Object();

    private final List<ColumnSpec> columns = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();

    static TestRows columns(Object... nameTypePairs) {
        TestRows t = new TestRows();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            t.columns.add(new ColumnSpec("ks", "t", (String) nameTypePairs[i], (DataType) nameTypePairs[i + 1]));
        }
        return t;
    }

    /** A row of values encoded with each column's codec; null is a null cell, EMPTY an empty one. */
    TestRows row(Object... values) {
        rows.add(values.clone());
        return this;
    }

    QueryResult result() {
        ByteBuf buf = Unpooled.buffer();
        buf.writeBytes(new byte[] {7, 7, 7}); // the rows do not start at index 0 in a real frame
        buf.readerIndex(3);
        for (Object[] row : rows) {
            if (row.length != columns.size()) throw new IllegalArgumentException(Arrays.toString(row));
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null) {
                    buf.writeInt(-1);
                } else if (row[i] == EMPTY) {
                    buf.writeInt(0);
                } else {
                    ByteBuffer b = Codecs.of(columns.get(i).type()).encodeToBuffer(row[i]);
                    buf.writeInt(b.remaining());
                    buf.writeBytes(b);
                }
            }
        }
        buf.writeBytes(new byte[] {9, 9}); // trailing bytes a cell must never read
        RowsData data = new RowsData(List.copyOf(columns), buf, rows.size());
        return new DefaultQueryResult(data, PagingState.end(), null, List.of(), null);
    }

    Row first() {
        return result().rows().get(0);
    }
}
