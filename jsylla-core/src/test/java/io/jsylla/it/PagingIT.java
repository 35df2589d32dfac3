package io.jsylla.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.PagingState;
import io.jsylla.PreparedStatement;
import io.jsylla.Query;
import io.jsylla.QueryPager;
import io.jsylla.QueryResult;
import io.jsylla.Row;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.junit.SharedCassandraNode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** 100,000 rows read 1,000 at a time, three ways, never holding more than two pages. */
@ExtendWith(SharedCassandraNode.class)
class PagingIT {
    private static final int ROWS = 100_000;
    private static final int PARTITIONS = 100;
    private static Session session;
    private static final Query ALL = Query.of("SELECT p, c, v FROM rows").withPageSize(1000);

    @BeforeAll
    static void fill(CassandraCluster node) throws Exception {
        session = SessionBuilder.create().knownNode(node.contactPoint()).build();
        session.useKeyspace(Keyspaces.create(session, "paging"), false);
        session.execute("CREATE TABLE rows (p int, c int, v text, PRIMARY KEY (p, c))");
        PreparedStatement insert = session.prepare("INSERT INTO rows (p, c, v) VALUES (?, ?, ?)");
        Semaphore window = new Semaphore(256);
        List<CompletableFuture<?>> all = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            window.acquire();
            all.add(session.executePreparedAsync(insert, i % PARTITIONS, i, "value-" + i).toCompletableFuture()
                    .whenComplete((r, e) -> window.release()));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    }

    @AfterAll
    static void close() {
        if (session != null) session.close();
    }

    @Test
    void aSinglePageLoopSeesEveryRowOnce() {
        BitSet seen = new BitSet(ROWS);
        PagingState state = PagingState.start();
        int pages = 0;
        do {
            QueryResult page = session.querySinglePage(ALL, state);
            assertThat(page.rowCount()).isLessThanOrEqualTo(1000);
            for (Row r : page) record(seen, r);
            state = PagingState.fromBytes(page.pagingState().toBytes()); // survives a round trip to bytes
            pages++;
        } while (!state.isEnd());
        assertThat(seen.cardinality()).isEqualTo(ROWS);
        assertThat(pages).isBetween(100, 101);
    }

    @Test
    void askingForThePageAfterTheLastGivesAnEmptyPageWithoutAsking() {
        QueryResult past = session.querySinglePage(ALL, PagingState.end());
        assertThat(past.rowCount()).isZero();
        assertThat(past.pagingState().isEnd()).isTrue();
        assertThat(past.warnings()).isEmpty();
        PreparedStatement ps = session.prepare("SELECT p, c, v FROM rows");
        QueryResult prepared = session.executeSinglePage(ps, PagingState.end());
        assertThat(prepared.rowCount()).isZero();
        assertThat(prepared.pagingState().isEnd()).isTrue();
    }

    @Test
    void theIteratorFetchesAheadAndHoldsAtMostTwoPages() {
        BitSet seen = new BitSet(ROWS);
        try (QueryPager pager = session.queryIter(ALL)) {
            for (Row r : pager) record(seen, r);
            assertThat(pager.pagesFetched()).isBetween(100L, 101L);
            assertThat(pager.maxPagesHeld()).isBetween(1, 2);
        }
        assertThat(seen.cardinality()).isEqualTo(ROWS);
    }

    @Test
    void aSlowReaderFindsTheNextPageAlreadyFetched() throws InterruptedException {
        PreparedStatement ps = session.prepare(Query.of("SELECT c FROM rows WHERE p = ?").withPageSize(100));
        int rows = 0;
        try (QueryPager pager = session.executeIter(ps, 3)) {
            for (Row r : pager) {
                if (rows++ % 100 == 0) Thread.sleep(100); // the next page arrives while this one is read
            }
            assertThat(rows).isEqualTo(ROWS / PARTITIONS);
            assertThat(pager.maxPagesHeld()).isEqualTo(2);
        }
    }

    @Test
    void aPreparedIteratorWithValuesAndTheStream() {
        PreparedStatement ps = session.prepare(Query.of("SELECT p, c, v FROM rows WHERE p = ?").withPageSize(100));
        try (QueryPager pager = session.executeIter(ps, 7)) {
            assertThat(pager.stream().mapToInt(r -> r.getInt("c")).allMatch(c -> c % PARTITIONS == 7)).isTrue();
            assertThat(pager.pagesFetched()).isBetween(10L, 11L); // a full last page may be followed by an empty one
            assertThat(pager.maxPagesHeld()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void thePublisherRespectsBackPressure() throws Exception {
        QueryPager pager = session.queryIter(ALL);
        BitSet seen = new BitSet(ROWS);
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> error = new AtomicReference<>();
        AtomicLong outstanding = new AtomicLong();
        AtomicLong overDelivered = new AtomicLong();
        pager.publisher().subscribe(new Flow.Subscriber<Row>() {
            private Flow.Subscription s;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                s = subscription;
                outstanding.set(500);
                s.request(500);
            }

            @Override
            public void onNext(Row item) {
                if (outstanding.decrementAndGet() < 0) overDelivered.incrementAndGet();
                record(seen, item);
                if (outstanding.get() == 0) {
                    outstanding.set(500);
                    s.request(500);
                }
            }

            @Override
            public void onError(Throwable t) {
                error.set(t);
                done.countDown();
            }

            @Override
            public void onComplete() {
                done.countDown();
            }
        });
        assertThat(done.await(2, TimeUnit.MINUTES)).isTrue();
        assertThat(error.get()).isNull();
        assertThat(overDelivered.get()).as("rows beyond demand").isZero();
        assertThat(seen.cardinality()).isEqualTo(ROWS);
        assertThat(pager.maxPagesHeld()).isLessThanOrEqualTo(2);
    }

    @Test
    void aPublisherThatAsksForNothingFetchesNothingMore() throws Exception {
        QueryPager pager = session.queryIter(ALL);
        CountDownLatch got = new CountDownLatch(10);
        pager.publisher().subscribe(new Flow.Subscriber<Row>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(10);
            }

            @Override
            public void onNext(Row item) {
                got.countDown();
            }

            @Override
            public void onError(Throwable t) {}

            @Override
            public void onComplete() {}
        });
        assertThat(got.await(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(500);
        assertThat(pager.pagesFetched()).isEqualTo(1);
    }

    private static void record(BitSet seen, Row r) {
        int c = r.getInt("c");
        assertThat(seen.get(c)).as("row %d seen twice", c).isFalse();
        assertThat(r.getString("v")).isEqualTo("value-" + c);
        seen.set(c);
    }
}
