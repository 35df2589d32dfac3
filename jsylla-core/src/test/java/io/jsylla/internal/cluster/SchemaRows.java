package io.jsylla.internal.cluster;

import io.jsylla.ColumnSpec;
import io.jsylla.DataType;
import io.jsylla.PagingState;
import io.jsylla.QueryResult;
import io.jsylla.Row;
import io.jsylla.internal.codec.Codecs;
import io.jsylla.internal.result.DefaultQueryResult;
import io.jsylla.internal.result.RowsData;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of one {@code system_schema} table made up in a test, encoded as a server would send
 * them, so the parser reads them through the real row code.
 */
final class SchemaRows {
    private final String table;
    private final List<ColumnSpec> columns = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();

    private SchemaRows(String table) {
        this.table = table;
    }

    /** A table with columns given as name, type, name, type... */
    static SchemaRows of(String table, Object... nameTypePairs) {
        SchemaRows t = new SchemaRows(table);
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            t.columns.add(new ColumnSpec("system_schema", table, (String) nameTypePairs[i], (DataType) nameTypePairs[i + 1]));
        }
        return t;
    }

    /** One row, a value per column (null for a null cell). */
    SchemaRows row(Object... values) {
        if (values.length != columns.size()) throw new IllegalArgumentException(table + ": " + values.length + " values");
        rows.add(values.clone());
        return this;
    }

    QueryResult result() {
        ByteBuf buf = Unpooled.buffer();
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null) {
                    buf.writeInt(-1);
                } else {
                    ByteBuffer b = Codecs.of(columns.get(i).type()).encodeToBuffer(row[i]);
                    buf.writeInt(b.remaining());
                    buf.writeBytes(b);
                }
            }
        }
        return new DefaultQueryResult(new RowsData(List.copyOf(columns), buf, rows.size()), PagingState.end(), null, List.of(), null);
    }

    List<Row> rows() {
        return result().rows();
    }
}
