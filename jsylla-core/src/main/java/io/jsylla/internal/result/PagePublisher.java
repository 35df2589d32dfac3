package io.jsylla.internal.result;

import io.jsylla.PagingState;
import io.jsylla.QueryResult;
import io.jsylla.Row;
import java.util.Iterator;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rows to one subscriber with back-pressure: a page is fetched only when the previous one is
 * used up and the subscriber still wants rows. Delivery is serialized by a work-in-progress
 * counter, so request() from any thread is safe and signals never overlap.
 */
final class PagePublisher implements Flow.Subscription {
    private final Pager pager;
    private final Flow.Subscriber<? super Row> subscriber;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private volatile Iterator<Row> rows;
    private volatile PagingState next = PagingState.start();
    private volatile boolean fetching;
    private volatile boolean done;
    private volatile Throwable error;

    PagePublisher(Pager pager, Flow.Subscriber<? super Row> subscriber) {
        this.pager = pager;
        this.subscriber = subscriber;
    }

    void start() {
        subscriber.onSubscribe(this);
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            error = new IllegalArgumentException("request(" + n + "): demand must be positive (rule 3.9)");
            drain();
            return;
        }
        demand.getAndUpdate(d -> d + n < 0 ? Long.MAX_VALUE : d + n);
        drain();
    }

    @Override
    public void cancel() {
        done = true;
        pager.close();
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) return;
        int missed = 1;
        while (true) {
            if (!done) step();
            missed = wip.addAndGet(-missed);
            if (missed == 0) return;
        }
    }

    private void step() {
        Throwable e = error;
        if (e != null) {
            done = true;
            subscriber.onError(e);
            return;
        }
        while (demand.get() > 0 && rows != null && rows.hasNext() && !done) {
            subscriber.onNext(rows.next());
            demand.decrementAndGet();
        }
        if (done || (rows != null && rows.hasNext()) || fetching) return;
        if (next.isEnd()) {
            done = true;
            subscriber.onComplete();
            return;
        }
        if (demand.get() > 0) {
            if (rows != null) pager.releaseForPublisher();
            fetching = true;
            pager.fetchForPublisher(next).whenComplete(this::arrived);
        }
    }

    private void arrived(QueryResult page, Throwable e) {
        if (e != null) {
            error = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        } else {
            rows = page.iterator();
            next = page.pagingState();
        }
        fetching = false;
        drain();
    }
}
