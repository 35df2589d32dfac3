package io.jsylla.internal.result;

import io.jsylla.ColumnSpec;
import io.jsylla.PagingState;
import io.jsylla.QueryResult;
import io.jsylla.Row;
import java.net.InetSocketAddress;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One page of results with what the coordinator said about the request. */
public final class DefaultQueryResult implements QueryResult {
    private final RowsData data;
    private final PagingState pagingState;
    private final UUID tracingId;
    private final List<String> warnings;
    private final InetSocketAddress coordinator;
    private List<Row> rows;

    public DefaultQueryResult(RowsData data, PagingState pagingState, UUID tracingId, List<String> warnings,
                              InetSocketAddress coordinator) {
        this.data = data;
        this.pagingState = pagingState;
        this.tracingId = tracingId;
        this.warnings = warnings.isEmpty() ? List.of() : List.copyOf(warnings);
        this.coordinator = coordinator;
    }

    /** The rows as a list view, made on first use (a write's result never needs one). */
    private final class RowList extends AbstractList<Row> {
        @Override
        public Row get(int index) {
            if (index < 0 || index >= data.rowCount()) throw new IndexOutOfBoundsException(index);
            return new LazyRow(data, index);
        }

        @Override
        public int size() {
            return data.rowCount();
        }
    }

    @Override
    public List<Row> rows() {
        List<Row> r = rows;
        if (r == null) rows = r = new RowList();
        return r;
    }

    @Override
    public int rowCount() {
        return data.rowCount();
    }

    @Override
    public Iterator<Row> iterator() {
        return rows().iterator();
    }

    @Override
    public List<ColumnSpec> columnSpecs() {
        return data.columns();
    }

    @Override
    public boolean wasApplied() {
        // A conditional statement answers with an [applied] column first; anything else applied.
        if (data.rowCount() == 0 || data.columns().isEmpty() || !"[applied]".equals(data.columns().get(0).name())) {
            return true;
        }
        return Boolean.TRUE.equals(new LazyRow(data, 0).get(0));
    }

    @Override
    public PagingState pagingState() {
        return pagingState;
    }

    @Override
    public Optional<UUID> tracingId() {
        return Optional.ofNullable(tracingId);
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public InetSocketAddress coordinator() {
        return coordinator;
    }

    @Override
    public <R> List<R> rowsAs(Class<R> recordType) {
        List<R> out = new ArrayList<>(data.rowCount());
        // A write has no columns and maps to nothing; a read checks the mapping even with no rows.
        if (data.columns().isEmpty()) return out;
        RecordMapper.RowMapping<R> m = data.mapping(recordType);
        for (int i = 0; i < data.rowCount(); i++) out.add(m.map(new LazyRow(data, i)));
        return out;
    }

    /** The page's rows as they arrived (raw cells), for tests and diagnostics. */
    public RowsData data() {
        return data;
    }

    @Override
    public String toString() {
        return "QueryResult[" + data.rowCount() + " rows, columns " + data.columns()
                + (pagingState.isEnd() ? "" : ", more pages") + "]";
    }
}
