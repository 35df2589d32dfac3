package io.jsylla;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a statement returned: the rows of one page (empty for writes), their columns, and
 * what the coordinator said about the request. Iterating gives the rows.
 */
public interface QueryResult extends Iterable<Row> {

    /** The rows of this page. */
    List<Row> rows();

    default Optional<Row> firstRow() {
        List<Row> rows = rows();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Number of rows in this page. */
    default int rowCount() {
        return rows().size();
    }

    List<ColumnSpec> columnSpecs();

    /**
     * For a conditional statement (LWT), whether it was applied; true for anything else.
     */
    boolean wasApplied();

    /** Where the next page starts; {@link PagingState#isEnd()} when this was the last. */
    PagingState pagingState();

    /** The trace of a traced request ({@link Statement#withTracing}): pass it to {@link Session#getTracingInfo}. */
    Optional<UUID> tracingId();

    /** Warnings the coordinator attached (large batch, tombstones...). */
    List<String> warnings();

    /** The node that coordinated the request. */
    InetSocketAddress coordinator();

    /** Every row mapped onto a Java record; see {@link Row#as(Class)}. */
    <R> List<R> rowsAs(Class<R> recordType);
}
