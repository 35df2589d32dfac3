package io.jsylla.internal.result;

import io.jsylla.PagingState;
import io.jsylla.QueryPager;
import io.jsylla.QueryResult;
import io.jsylla.Row;
import io.jsylla.internal.connection.Blocking;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every page of a read. Iterating holds the page being read plus, once it arrives, the next
 * one (fetched as soon as the current page is handed out); the publisher fetches only as
 * subscribers ask. Either way no more than two pages are in memory.
 */
public final class Pager implements QueryPager {
    private final Function<PagingState, CompletionStage<QueryResult>> fetch;
    private final AtomicBoolean used = new AtomicBoolean();
    private volatile boolean closed;
    private long pagesFetched;
    private int held;
    private int maxHeld;

    public Pager(Function<PagingState, CompletionStage<QueryResult>> fetch) {
        this.fetch = fetch;
    }

    private synchronized void pageArrived() {
        pagesFetched++;
        held++;
        maxHeld = Math.max(maxHeld, held);
    }

    private synchronized void pageReleased() {
        held--;
    }

    private CompletableFuture<QueryResult> fetchPage(PagingState state) {
        return fetch.apply(state).toCompletableFuture().thenApply(r -> {
            pageArrived();
            return r;
        });
    }

    private void claim() {
        if (!used.compareAndSet(false, true)) throw new IllegalStateException("a QueryPager can be iterated once");
    }

    @Override
    public Iterator<Row> iterator() {
        claim();
        return new Iterator<>() {
            private QueryResult page;
            private Iterator<Row> rows;
            private CompletableFuture<QueryResult> next = fetchPage(PagingState.start());

            @Override
            public boolean hasNext() {
                while ((rows == null || !rows.hasNext()) && next != null && !closed) {
                    if (page != null) pageReleased();
                    page = Blocking.get(next, "QueryPager.next");
                    rows = page.iterator();
                    next = page.pagingState().isEnd() ? null : fetchPage(page.pagingState());
                }
                return rows != null && rows.hasNext() && !closed;
            }

            @Override
            public Row next() {
                if (!hasNext()) throw new NoSuchElementException();
                return rows.next();
            }
        };
    }

    @Override
    public Stream<Row> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    @Override
    public Flow.Publisher<Row> publisher() {
        return subscriber -> {
            if (!used.compareAndSet(false, true)) {
                subscriber.onSubscribe(new Flow.Subscription() {
                    @Override
                    public void request(long n) {}

                    @Override
                    public void cancel() {}
                });
                subscriber.onError(new IllegalStateException("a QueryPager can be consumed once"));
                return;
            }
            new PagePublisher(this, subscriber).start();
        };
    }

    @Override
    public synchronized long pagesFetched() {
        return pagesFetched;
    }

    @Override
    public synchronized int maxPagesHeld() {
        return maxHeld;
    }

    @Override
    public void close() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    CompletableFuture<QueryResult> fetchForPublisher(PagingState state) {
        return fetchPage(state);
    }

    void releaseForPublisher() {
        pageReleased();
    }
}
