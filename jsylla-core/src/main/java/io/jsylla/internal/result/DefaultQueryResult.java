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

/** One page of results with what the coordinator said about the request; its rows are its own {@link RowsData}. */
public final class DefaultQueryResult extends RowsData implements QueryResult {
    /** What the coordinator said besides the rows, which a read by key rarely has: one shared instance then. */
    private record Said(PagingState pagingState, UUID tracingId, List<String> warnings) {
        static final Said NOTHING = new Said(PagingState.end(), null, List.of());

        static Said of(PagingState pagingState, UUID tracingId, List<String> warnings) {
            if (pagingState.isEnd() && tracingId == null && warnings.isEmpty()) return NOTHING;
            return new Said(pagingState, tracingId, warnings.isEmpty() ? List.of() : List.copyOf(warnings));
        }
    }

    private final Said said;
    private final InetSocketAddress coordinator;

    /** A page of {@code data}'s rows. */
    public DefaultQueryResult(RowsData data, PagingState pagingState, UUID tracingId, List<String> warnings,
                              InetSocketAddress coordinator) {
        super(data);
        this.said = Said.of(pagingState, tracingId, warnings);
        this.coordinator = coordinator;
    }

    /** A page of the rows that are bytes {@code start} to {@code end} of {@code buf}. */
    public DefaultQueryResult(List<ColumnSpec> columns, io.netty.buffer.ByteBuf buf, int start, int end, int rowCount,
                              PagingState pagingState, UUID tracingId, List<String> warnings, InetSocketAddress coordinator) {
        super(columns, buf, start, end, rowCount);
        this.said = Said.of(pagingState, tracingId, warnings);
        this.coordinator = coordinator;
    }

    /** The rows as a list view, made when asked for (a write's result never needs one). */
    private final class RowList extends AbstractList<Row> {
        @Override
        public Row get(int index) {
            if (index < 0 || index >= rowCount()) throw new IndexOutOfBoundsException(index);
            return new LazyRow(DefaultQueryResult.this, index);
        }

        @Override
        public int size() {
            return rowCount();
        }
    }

    @Override
    public List<Row> rows() {
        return new RowList();
    }

    // rowCount() is RowsData's, which QueryResult's asks for.

    /** One object per loop over the page; rows are made as it reaches them. */
    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < rowCount();
            }

            @Override
            public Row next() {
                if (next >= rowCount()) throw new java.util.NoSuchElementException();
                return new LazyRow(DefaultQueryResult.this, next++);
            }
        };
    }

    @Override
    public List<ColumnSpec> columnSpecs() {
        return columns();
    }

    @Override
    public boolean wasApplied() {
        // A conditional statement answers with an [applied] column first; anything else applied.
        if (rowCount() == 0 || columns().isEmpty() || !"[applied]".equals(columns().get(0).name())) {
            return true;
        }
        return Boolean.TRUE.equals(new LazyRow(this, 0).get(0));
    }

    @Override
    public PagingState pagingState() {
        return said.pagingState();
    }

    @Override
    public Optional<UUID> tracingId() {
        return Optional.ofNullable(said.tracingId());
    }

    @Override
    public List<String> warnings() {
        return said.warnings();
    }

    @Override
    public InetSocketAddress coordinator() {
        return coordinator;
    }

    @Override
    public <R> List<R> rowsAs(Class<R> recordType) {
        List<R> out = new ArrayList<>(rowCount());
        // A write has no columns and maps to nothing; a read checks the mapping even with no rows.
        if (columns().isEmpty()) return out;
        RecordMapper.RowMapping<R> m = mapping(recordType);
        for (int i = 0; i < rowCount(); i++) out.add(m.map(new LazyRow(this, i)));
        return out;
    }

    /** The page's rows as they arrived (raw cells), for tests and diagnostics. */
    public RowsData data() {
        return this;
    }

    @Override
    public String toString() {
        return "QueryResult[" + rowCount() + " rows, columns " + columns()
                + (said.pagingState().isEnd() ? "" : ", more pages") + "]";
    }
}
