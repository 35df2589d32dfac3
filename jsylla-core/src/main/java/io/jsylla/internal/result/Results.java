package io.jsylla.internal.result;

import io.jsylla.ColumnSpec;
import io.jsylla.PagingState;
import io.jsylla.QueryResult;
import io.jsylla.internal.protocol.ColumnDef;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.Result;
import io.jsylla.internal.protocol.RowsInFrame;
import io.jsylla.internal.protocol.RowsMetadata;
import io.jsylla.internal.protocol.RowsResult;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Decoded RESULT messages to the {@link QueryResult} the application sees. */
public final class Results {
    private Results() {}

    /**
     * @param knownColumns the columns to read rows with when the node skipped the metadata
     *     (a prepared statement's result columns), else null
     */
    public static QueryResult of(Result result, Frame frame, InetSocketAddress coordinator, List<ColumnSpec> knownColumns) {
        if (result instanceof RowsInFrame rows) {
            List<ColumnSpec> columns = knownColumns == null ? List.of() : knownColumns;
            checkColumnCount(columns, rows.columnCount(frame), coordinator);
            return new DefaultQueryResult(columns, rows.buffer(frame), rows.start(frame), rows.end(frame),
                    rows.rowCount(frame), PagingState.end(), frame.tracingId(), frame.warnings(), coordinator);
        }
        if (!(result instanceof RowsResult rows)) {
            return new DefaultQueryResult(RowsData.NONE, PagingState.end(), frame.tracingId(), frame.warnings(), coordinator);
        }
        RowsMetadata md = rows.metadata();
        List<ColumnSpec> columns = md.noMetadata() && knownColumns != null ? knownColumns : columns(md.columns());
        checkColumnCount(columns, md.columnCount(), coordinator);
        PagingState paging = md.hasMorePages() ? PagingState.of(bytes(md.pagingState())) : PagingState.end();
        return new DefaultQueryResult(columns, rows.buffer(), rows.start(), rows.end(), rows.rowCount(), paging,
                frame.tracingId(), frame.warnings(), coordinator);
    }

    private static void checkColumnCount(List<ColumnSpec> columns, int columnCount, InetSocketAddress coordinator) {
        if (columns.size() != columnCount) {
            throw new io.jsylla.ProtocolException(coordinator, "rows have " + columnCount
                    + " columns but the known metadata has " + columns.size());
        }
    }

    /** A result with nothing in it but its coordinator: no rows, no more pages, no warnings, no tracing. */
    public static QueryResult empty(InetSocketAddress coordinator) {
        return new DefaultQueryResult(RowsData.NONE, PagingState.end(), null, List.of(), coordinator);
    }

    public static List<ColumnSpec> columns(List<ColumnDef> defs) {
        List<ColumnSpec> out = new ArrayList<>(defs.size());
        for (ColumnDef d : defs) out.add(new ColumnSpec(d.keyspace(), d.table(), d.name(), d.type()));
        return List.copyOf(out);
    }

    private static byte[] bytes(ByteBuffer b) {
        if (b == null) return null;
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
