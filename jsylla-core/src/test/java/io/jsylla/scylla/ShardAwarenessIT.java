package io.jsylla.scylla;

import io.jsylla.NodeInfo;
import io.jsylla.PreparedStatement;
import io.jsylla.QueryResult;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.junit.SharedCassandraCluster;
import io.jsylla.testkit.scylla.ShardSimulator;
import io.jsylla.testkit.scylla.ShardSimulatorOptions;
import io.jsylla.testkit.scylla.SimulatedNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jsylla against ScyllaDB's sharding, on the test kit's shard simulator in front of the shared
 * three-node cluster: per-shard pools counted by the simulator, every request on its replica's
 * owning shard, and the pool's fallbacks (NAT, a closed shard-aware port, no sharding, a shard
 * count change, taken local ports) each leaving a working session with a bounded pool.
 */
@ExtendWith(SharedCassandraCluster.class)
class ShardAwarenessIT {
    private static final int SHARDS = 8;
    private static CassandraCluster cluster;

    @BeforeAll
    static void schema(CassandraCluster c) {
        cluster = c;
        try (Session s = SessionBuilder.create().knownNode(c.node(1).contactPoint()).build()) {
            s.execute("CREATE KEYSPACE IF NOT EXISTS shards WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
            s.execute("CREATE TABLE IF NOT EXISTS shards.kv (k bigint PRIMARY KEY, v bigint)");
        }
    }

    private static ShardSimulator simulator(ShardSimulatorOptions options) {
        return ShardSimulator.front(cluster, options);
    }

    private static SessionBuilder builder(ShardSimulator scylla) {
        return SessionBuilder.create().knownNode(scylla.node(1).contactPoint()).requestTimeout(Duration.ofSeconds(20))
                .localDatacenter(cluster.node(1).datacenter());
    }

    @Test
    void everyShardOfEveryNodeGetsItsConnectionsAndEveryRequestItsShard() {
        try (ShardSimulator scylla = simulator(ShardSimulatorOptions.defaults().shards(SHARDS));
             Session session = builder(scylla).poolSize(2).build()) {
            // The pools were full when the session was ready: each shard holds its 2, and one shard
            // of the control node also holds the control connection.
            int total = 0;
            int extra = 0;
            for (SimulatedNode n : scylla.nodes()) {
                Map<Integer, Integer> perShard = n.stats().openConnectionsPerShard();
                assertThat(perShard).as("node %d", n.index()).hasSize(SHARDS);
                for (int count : perShard.values()) {
                    assertThat(count).as("node %d: %s", n.index(), perShard).isBetween(2, 3);
                    total += count;
                    if (count == 3) extra++;
                }
                assertThat(session.getMetrics().connectionsPerShard(n.address())).containsOnly(2).hasSize(SHARDS);
            }
            assertThat(extra).as("only the control connection is extra").isEqualTo(1);
            assertThat(total).isEqualTo(3 * SHARDS * 2 + 1);
            assertThat(session.getClusterData().getNodes()).extracting(NodeInfo::shardCount)
                    .allSatisfy(c -> assertThat(c).hasValue(SHARDS));

            PreparedStatement insert = session.prepare("INSERT INTO shards.kv (k, v) VALUES (?, ?)");
            PreparedStatement select = session.prepare("SELECT v FROM shards.kv WHERE k = ?");
            scylla.resetStats();
            long[] keys = new SplittableRandom(11).longs(10_000).toArray();
            runAll(keys, k -> session.executePreparedAsync(insert, k, k * 3).toCompletableFuture());
            List<CompletableFuture<QueryResult>> reads = new ArrayList<>();
            runAll(keys, k -> {
                CompletableFuture<QueryResult> r = session.executePreparedAsync(select, k).toCompletableFuture();
                reads.add(r);
                return r;
            });
            for (int i = 0; i < keys.length; i++) {
                assertThat(reads.get(i).join().firstRow().orElseThrow().getLong("v")).as("key %d", keys[i]).isEqualTo(keys[i] * 3);
            }
            assertThat(scylla.routedRequests()).isEqualTo(20_000);
            assertThat(scylla.shardMisses()).as("requests on another shard's connection").isZero();
            assertThat(scylla.nonReplicaRequests()).as("requests to a node that is no replica").isZero();
            assertThat(session.getMetrics().requestsToOtherShard()).isZero();
            long perShard = 0;
            for (SimulatedNode n : scylla.nodes()) {
                perShard += session.getMetrics().requestsPerShard(n.address()).stream().mapToLong(Long::longValue).sum();
            }
            assertThat(perShard).isGreaterThanOrEqualTo(20_000);
        }
    }

    @Test
    void behindANatThePoolFillsThroughTheRegularPortAndStaysBounded() {
        ShardSimulatorOptions options = ShardSimulatorOptions.defaults().shards(SHARDS).nat(true);
        try (ShardSimulator scylla = simulator(options); Session session = builder(scylla).poolSize(1).build()) {
            awaitFull(scylla, 1);
            assertBounded(scylla, 1);
            assertWorks(session, scylla);
        }
    }

    @Test
    void aClosedShardAwarePortFillsThroughTheRegularPort() {
        try (ShardSimulator scylla = simulator(ShardSimulatorOptions.defaults().shards(SHARDS))) {
            for (SimulatedNode n : scylla.nodes()) n.shardAwarePortOpen(false);
            try (Session session = builder(scylla).poolSize(1).build()) {
                awaitFull(scylla, 1);
                assertBounded(scylla, 1);
                assertWorks(session, scylla);
            }
        }
    }

    @Test
    void withoutShardingKeysANodeIsUsedLikeCassandra() {
        try (ShardSimulator scylla = simulator(ShardSimulatorOptions.defaults().shards(SHARDS).shardingKeys(false));
             Session session = builder(scylla).poolSize(2).build()) {
            for (SimulatedNode n : scylla.nodes()) {
                assertThat(session.getMetrics().connectionsPerShard(n.address())).isEmpty();
                assertThat(n.stats().openConnections()).as("node %d", n.index()).isBetween(2, 3); // + the control connection
            }
            assertThat(session.getClusterData().getNodes()).extracting(NodeInfo::shardCount).allSatisfy(c -> assertThat(c).isEmpty());
            try (Session plain = builder(scylla).poolSize(2).shardAwareness(false).build()) {
                assertThat(plain.execute("SELECT release_version FROM system.local").firstRow()).isPresent();
            }
            assertThat(session.execute("SELECT release_version FROM system.local").firstRow()).isPresent();
        }
    }

    @Test
    void aShardCountChangeRebuildsTheNodesPool() {
        try (ShardSimulator scylla = simulator(ShardSimulatorOptions.defaults().shards(SHARDS));
             Session session = builder(scylla).poolSize(1).build()) {
            SimulatedNode node = scylla.node(2);
            node.shards(12);
            node.dropConnections(); // a restart, on a machine with more cores
            await(() -> session.getMetrics().connectionsPerShard(node.address()).size() == 12
                    && session.getMetrics().connectionsPerShard(node.address()).stream().allMatch(c -> c == 1),
                    "the pool of node 2 has one connection on each of its 12 shards");
            await(() -> session.getClusterData().getNodes().stream().filter(i -> i.address().equals(node.address()))
                    .allMatch(i -> i.shardCount().orElse(0) == 12), "the cluster data says 12 shards");
            assertThat(node.stats().openConnections()).isLessThanOrEqualTo(12 + 1);
            assertWorks(session, scylla);
        }
    }

    @Test
    void thePoolFillsWhenMostLocalPortsAreTaken() throws Exception {
        int low = 50_000;
        int high = low + 255; // 32 ports per shard
        List<ServerSocket> held = new ArrayList<>();
        try (ShardSimulator scylla = simulator(ShardSimulatorOptions.defaults().shards(SHARDS))) {
            for (int p = low; p <= high; p++) {
                if ((p / SHARDS) % 4 == 0) continue; // a quarter of each shard's ports left free
                try {
                    held.add(new ServerSocket(p, 1, InetAddress.getByName("0.0.0.0")));
                } catch (java.io.IOException taken) {
                    // already taken by someone else: as good
                }
            }
            try (Session session = builder(scylla).poolSize(2).localPortRange(low, high).build()) {
                awaitFull(scylla, 2);
                for (SimulatedNode n : scylla.nodes()) {
                    assertThat(session.getMetrics().connectionsPerShard(n.address())).containsOnly(2).hasSize(SHARDS);
                    assertThat(n.stats().shardAwarePortConnections()).as("node %d filled through the shard-aware port", n.index())
                            .isGreaterThanOrEqualTo(SHARDS * 2 - 1);
                }
                assertWorks(session, scylla);
            }
        } finally {
            for (ServerSocket s : held) s.close();
        }
    }

    // ---- helpers

    private interface Request {
        CompletableFuture<?> run(long key);
    }

    /** Runs one request per key, at most 256 at a time, and waits for all. */
    private static void runAll(long[] keys, Request request) {
        Semaphore window = new Semaphore(256);
        List<CompletableFuture<?>> all = new ArrayList<>(keys.length);
        for (long k : keys) {
            window.acquireUninterruptibly();
            CompletableFuture<?> f = request.run(k);
            f.whenComplete((x, e) -> window.release());
            all.add(f);
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    }

    /** Every shard of every node holds at least {@code perShard} connections (the simulator counts them). */
    private static void awaitFull(ShardSimulator scylla, int perShard) {
        await(() -> scylla.nodes().stream().allMatch(n -> n.stats().openConnectionsPerShard().size() == n.shards()
                && n.stats().openConnectionsPerShard().values().stream().allMatch(c -> c >= perShard)),
                "every shard of every node holds " + perShard + " connection(s): " + scylla);
    }

    /** Once full, the spare connections the fallbacks open are closed again: at most the pool and the control connection. */
    private static void assertBounded(ShardSimulator scylla, int perShard) {
        await(() -> scylla.nodes().stream().mapToInt(n -> n.stats().openConnections()).sum() <= 3 * SHARDS * perShard + 1,
                "the spare connections are closed");
    }

    private static void assertWorks(Session session, ShardSimulator scylla) {
        PreparedStatement insert = session.prepare("INSERT INTO shards.kv (k, v) VALUES (?, ?)");
        PreparedStatement select = session.prepare("SELECT v FROM shards.kv WHERE k = ?");
        long[] keys = new SplittableRandom(5).longs(300).toArray();
        runAll(keys, k -> session.executePreparedAsync(insert, k, -k).toCompletableFuture());
        for (long k : keys) assertThat(session.executePrepared(select, k).firstRow().orElseThrow().getLong("v")).isEqualTo(-k);
    }

    private static void await(BooleanSupplier condition, String what) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting until " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
