package io.jsylla.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsylla.PreparedStatement;
import io.jsylla.QueryResult;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.junit.SharedCassandraNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Many requests at once on one connection, and blocking calls where they would deadlock. */
@ExtendWith(SharedCassandraNode.class)
class ConcurrencyIT {

    @Test
    void tenThousandConcurrentRequestsOnOneConnection(CassandraCluster node) throws Exception {
        try (Session s = SessionBuilder.create().knownNode(node.contactPoint()).poolSize(1).build()) {
            s.useKeyspace(Keyspaces.create(s, "concurrency"), false);
            s.execute("CREATE TABLE kv (k int PRIMARY KEY, v int)");
            PreparedStatement insert = s.prepare("INSERT INTO kv (k, v) VALUES (?, ?)");
            List<CompletableFuture<QueryResult>> futures = new ArrayList<>(10_000);
            for (int i = 0; i < 10_000; i++) {
                futures.add(s.executePreparedAsync(insert, i, i * 2).toCompletableFuture());
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
            assertThat(futures).allMatch(f -> !f.isCompletedExceptionally());
            assertThat(s.execute("SELECT count(*) FROM kv").firstRow().orElseThrow().getLong(0)).isEqualTo(10_000L);
            Instant deadline = Instant.now().plusSeconds(10);
            while (s.getMetrics().inFlight() != 0 && Instant.now().isBefore(deadline)) Thread.sleep(10);
            assertThat(s.getMetrics().inFlight()).as("stream ids all given back").isZero();
            assertThat(s.getMetrics().errors()).isZero();
        }
    }

    @Test
    void aBlockingCallFromADriverCallbackIsRefusedNotDeadlocked(CassandraCluster node) throws Exception {
        try (Session s = SessionBuilder.create().knownNode(node.contactPoint()).build()) {
            CompletableFuture<QueryResult> nested = s.executeAsync("SELECT * FROM system.local").toCompletableFuture()
                    .thenApply(r -> s.execute("SELECT * FROM system.local"));
            assertThatThrownBy(() -> nested.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("would deadlock").hasMessageContaining("executeAsync");
            // Moving off the I/O thread is the way out.
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                QueryResult r = s.executeAsync("SELECT * FROM system.local").toCompletableFuture()
                        .thenApplyAsync(x -> s.execute("SELECT * FROM system.local"), pool).get(10, TimeUnit.SECONDS);
                assertThat(r.rows()).hasSize(1);
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void blockingCallsWorkOnVirtualThreads(CassandraCluster node) throws Exception {
        try (Session s = SessionBuilder.create().knownNode(node.contactPoint()).build()) {
            List<CompletableFuture<Integer>> results = new ArrayList<>();
            ExecutorService virtual = virtualThreads();
            try {
                for (int i = 0; i < 200; i++) {
                    results.add(CompletableFuture.supplyAsync(() -> s.execute("SELECT * FROM system.local").rowCount(), virtual));
                }
                assertThat(CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                        .thenApply(x -> results.stream().mapToInt(CompletableFuture::join).sum()).get(1, TimeUnit.MINUTES))
                        .isEqualTo(200);
            } finally {
                virtual.shutdown();
            }
        }
    }

    /** Virtual threads where the JDK has them (21+), else platform threads: the test must not depend on it. */
    private static ExecutorService virtualThreads() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            return Executors.newFixedThreadPool(50);
        }
    }
}
