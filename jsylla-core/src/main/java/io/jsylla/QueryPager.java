package io.jsylla;

import java.util.concurrent.Flow;
import java.util.stream.Stream;

/**
 * All rows of a read, page after page. The next page is fetched while the caller reads the
 * current one, and at most two pages are held at once, whatever the table size. Iterate it
 * once; close it to stop early.
 */
public interface QueryPager extends Iterable<Row>, AutoCloseable {

    /** The rows as a sequential stream; closing the stream closes the pager. */
    Stream<Row> stream();

    /**
     * The rows as a reactive-streams publisher: pages are fetched only as subscribers request
     * rows (back-pressure). One subscriber per pager.
     */
    Flow.Publisher<Row> publisher();

    /** Pages fetched so far. */
    long pagesFetched();

    /** The most pages this pager has held in memory at one time (never above 2). */
    int maxPagesHeld();

    /** Stops prefetching and releases held pages. */
    @Override
    void close();
}
