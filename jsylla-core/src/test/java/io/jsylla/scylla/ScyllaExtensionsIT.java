package io.jsylla.scylla;

import io.jsylla.PreparedStatement;
import io.jsylla.QueryResult;
import io.jsylla.RateLimitException;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.junit.SharedCassandraCluster;
import io.jsylla.testkit.scylla.ShardSimulator;
import io.jsylla.testkit.scylla.ShardSimulatorOptions;
import io.jsylla.testkit.scylla.SimulatedNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ScyllaDB's LWT metadata mark and rate limit error, on the shard simulator in front of the
 * shared three-node cluster (8 shards, RF 3): lightweight transactions reach their primary
 * replica's owning shard first, every time; forged rate limit errors surface as
 * {@link RateLimitException} with their operation type, unretried, and nothing hangs.
 */
@ExtendWith(SharedCassandraCluster.class)
class ScyllaExtensionsIT {
    private static ShardSimulator scylla;
    private static Session session;

    @BeforeAll
    static void start(CassandraCluster cluster) {
        scylla = ShardSimulator.front(cluster, ShardSimulatorOptions.defaults().shards(8));
        session = SessionBuilder.create().knownNode(scylla.node(1).contactPoint()).localDatacenter(cluster.node(1).datacenter())
                .requestTimeout(Duration.ofSeconds(20)).build();
        session.execute("CREATE KEYSPACE IF NOT EXISTS scylla_ext WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
        session.execute("CREATE TABLE IF NOT EXISTS scylla_ext.kv (k bigint PRIMARY KEY, v bigint)");
    }

    @AfterAll
    static void stop() {
        if (session != null) session.close();
        if (scylla != null) scylla.close();
    }

    @Test
    void lightweightTransactionsGoToThePrimaryReplicasShardFirst() {
        PreparedStatement insertIfNew = session.prepare("INSERT INTO scylla_ext.kv (k, v) VALUES (?, ?) IF NOT EXISTS");
        PreparedStatement updateIf = session.prepare("UPDATE scylla_ext.kv SET v = ? WHERE k = ? IF v = ?");
        PreparedStatement plain = session.prepare("INSERT INTO scylla_ext.kv (k, v) VALUES (?, ?)");
        PreparedStatement read = session.prepare("SELECT v FROM scylla_ext.kv WHERE k = ?");
        assertThat(insertIfNew.isLwt()).isTrue();
        assertThat(updateIf.isLwt()).isTrue();
        assertThat(plain.isLwt()).isFalse();
        assertThat(read.isLwt()).isFalse();

        scylla.resetStats();
        long[] keys = new SplittableRandom(23).longs(1000).toArray();
        runAll(keys, k -> session.executePreparedAsync(insertIfNew, k, 1L).toCompletableFuture());
        runAll(keys, k -> session.executePreparedAsync(updateIf, 2L, k, 1L).toCompletableFuture());
        assertThat(scylla.lwtRequests()).isEqualTo(2000);
        assertThat(scylla.lwtAtPrimaryShard()).as("first attempts at the primary replica's owning shard").isEqualTo(2000);
        for (int i = 0; i < 50; i++) {
            assertThat(session.executePrepared(read, keys[i]).firstRow().orElseThrow().getLong("v")).isEqualTo(2L);
        }
    }

    @Test
    void rateLimitErrorsSurfaceWithTheirOperationTypeUnretried() {
        PreparedStatement write = session.prepare("INSERT INTO scylla_ext.kv (k, v) VALUES (?, ?)");
        PreparedStatement read = session.prepare("SELECT v FROM scylla_ext.kv WHERE k = ?");
        long retriesBefore = session.getMetrics().retries();
        try {
            scylla.resetStats();
            for (SimulatedNode n : scylla.nodes()) n.rateLimit(0.1, false, true, true);
            long[] keys = new SplittableRandom(29).longs(1000).toArray();
            List<Throwable> errors = outcomes(keys, k -> session.executePreparedAsync(write, k, k).toCompletableFuture());
            assertThat(errors).allSatisfy(e -> {
                assertThat(e).isInstanceOf(RateLimitException.class);
                assertThat(((RateLimitException) e).isRead()).isFalse();
                assertThat(((RateLimitException) e).rejectedByCoordinator()).isTrue();
            });
            assertThat(errors.size()).as("about a tenth of 1000 writes").isBetween(50, 150);
            assertThat(scylla.rateLimitErrors()).as("each forged error reached the caller once").isEqualTo(errors.size());

            for (SimulatedNode n : scylla.nodes()) n.rateLimit(0.1, true, false, false);
            errors = outcomes(keys, k -> session.executePreparedAsync(read, k).toCompletableFuture());
            assertThat(errors).isNotEmpty().allSatisfy(e -> {
                assertThat(((RateLimitException) e).isRead()).isTrue();
                assertThat(((RateLimitException) e).rejectedByCoordinator()).isFalse();
            });
            assertThat(session.getMetrics().retries()).as("the default policy retries none").isEqualTo(retriesBefore);
        } finally {
            for (SimulatedNode n : scylla.nodes()) n.rateLimitOff();
        }
    }

    private interface Request {
        CompletableFuture<?> run(long key);
    }

    private static void runAll(long[] keys, Request request) {
        List<Throwable> errors = outcomes(keys, request);
        assertThat(errors).isEmpty();
    }

    /** Runs one request per key, 64 at a time; every one must end within its timeout. Returns the errors. */
    private static List<Throwable> outcomes(long[] keys, Request request) {
        List<CompletableFuture<?>> all = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        for (int from = 0; from < keys.length; from += 64) {
            List<CompletableFuture<?>> window = new ArrayList<>();
            for (int i = from; i < Math.min(keys.length, from + 64); i++) window.add(request.run(keys[i]));
            for (CompletableFuture<?> f : window) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | CompletionException e) {
                    errors.add(e.getCause());
                } catch (Exception e) {
                    throw new AssertionError("a request did not end within its timeout", e);
                }
            }
            all.addAll(window);
        }
        return errors;
    }
}
