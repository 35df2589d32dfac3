package io.jsylla.testkit.scylla.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultProtocolVersion;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.Node;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.CqlProbe;
import io.jsylla.testkit.junit.SharedCassandraNode;
import io.jsylla.testkit.scylla.Murmur3Token;
import io.jsylla.testkit.scylla.ShardSimulator;
import io.jsylla.testkit.scylla.ShardSimulatorOptions;
import io.jsylla.testkit.scylla.SimulatedNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ScyllaDB's own shard-aware Java driver against the simulator in front of a real Cassandra
 * node: it must take the node for a ScyllaDB node, fill one pool per shard, and route nearly
 * every prepared request to its token's shard; and the simulator's tokens must be Cassandra's.
 */
@ExtendWith(SharedCassandraNode.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShardSimulatorIT {
    private static final int SHARDS = 4;
    private static final int PER_SHARD = 2;
    private static final int KEYS = 3000;

    private static CassandraCluster cluster;
    private static ShardSimulator scylla;
    private static CqlSession session;

    @BeforeAll
    static void start(CassandraCluster node) {
        cluster = node;
        scylla = ShardSimulator.front(cluster, ShardSimulatorOptions.defaults().shards(SHARDS));
        session = CqlSession.builder()
                .addContactPoints(scylla.contactPoints())
                .withLocalDatacenter(cluster.node(1).datacenter())
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withInt(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE, SHARDS * PER_SHARD)
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(20))
                        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
                        .build())
                .build();
        session.execute("CREATE KEYSPACE IF NOT EXISTS sim WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE TABLE IF NOT EXISTS sim.kv (k bigint PRIMARY KEY, v text)");
        session.execute("CREATE TABLE IF NOT EXISTS sim.composite (a text, b int, c int, v text, PRIMARY KEY ((a, b), c))");
        session.execute("CREATE TABLE IF NOT EXISTS sim.texts (k text PRIMARY KEY)");
    }

    @AfterAll
    static void stop() {
        if (session != null) session.close();
        if (scylla != null) scylla.close();
    }

    @Test
    @Order(1)
    void theDriverSeesAScyllaNodeOnV4AndFillsAPoolPerShard() throws InterruptedException {
        SimulatedNode node = scylla.node(1);
        assertThat(session.getContext().getProtocolVersion()).isEqualTo(DefaultProtocolVersion.V4);
        assertThat(node.stats().refusedProtocolVersions()).isPositive(); // it tried v5 first
        Node driverNode = session.getMetadata().getNodes().values().iterator().next();
        assertThat(driverNode.getShardingInfo()).isNotNull();
        assertThat(driverNode.getShardingInfo().getShardsCount()).isEqualTo(SHARDS);
        assertThat(driverNode.getEndPoint().resolve()).isEqualTo(node.address());
        Map<Integer, Integer> perShard = Map.of();
        for (int i = 0; i < 200; i++) {
            perShard = node.stats().openConnectionsPerShard();
            if (driverNode.getOpenConnections() == SHARDS * PER_SHARD && perShard.values().stream().allMatch(n -> n >= PER_SHARD)
                    && perShard.size() == SHARDS) break;
            Thread.sleep(50);
        }
        System.out.println("Open connections per shard (pool + control): " + perShard);
        assertThat(perShard).hasSize(SHARDS).allSatisfy((shard, open) -> assertThat(open).isGreaterThanOrEqualTo(PER_SHARD));
        assertThat(node.stats().openConnections()).isEqualTo(SHARDS * PER_SHARD + 1); // the control connection too
    }

    @Test
    @Order(2)
    void preparedWritesAndReadsLandOnTheirShard() {
        scylla.resetStats();
        PreparedStatement insert = session.prepare("INSERT INTO sim.kv (k, v) VALUES (?, ?)");
        PreparedStatement select = session.prepare("SELECT v FROM sim.kv WHERE k = ?");
        SplittableRandom random = new SplittableRandom(2026);
        long[] keys = random.longs(KEYS).toArray();
        Semaphore inFlight = new Semaphore(64);
        List<CompletableFuture<AsyncResultSet>> writes = new ArrayList<>();
        for (long k : keys) writes.add(limited(inFlight, () -> session.executeAsync(insert.bind(k, "v" + k))));
        writes.forEach(CompletableFuture::join);
        List<CompletableFuture<AsyncResultSet>> reads = new ArrayList<>();
        for (long k : keys) reads.add(limited(inFlight, () -> session.executeAsync(select.bind(k))));
        for (int i = 0; i < KEYS; i++) {
            Row row = reads.get(i).join().one();
            assertThat(row).as("row %d", keys[i]).isNotNull();
            assertThat(row.getString("v")).isEqualTo("v" + keys[i]);
        }
        report("bigint keys");
        assertThat(scylla.routedRequests()).isEqualTo(2L * KEYS);
        assertThat(scylla.shardMisses()).isLessThanOrEqualTo(2L * KEYS / 100);
        assertThat(scylla.nonReplicaRequests()).isZero(); // one node: the replica of everything
    }

    @Test
    @Order(3)
    void compositeKeysLandOnTheirShardToo() {
        scylla.resetStats();
        PreparedStatement insert = session.prepare("INSERT INTO sim.composite (a, b, c, v) VALUES (?, ?, ?, ?)");
        PreparedStatement select = session.prepare("SELECT v FROM sim.composite WHERE a = ? AND b = ? AND c = ?");
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 1000; i++) {
            String a = randomText(random);
            int b = random.nextInt();
            session.execute(insert.bind(a, b, i, "v" + i));
            assertThat(session.execute(select.bind(a, b, i)).one().getString("v")).isEqualTo("v" + i);
        }
        report("composite keys");
        assertThat(scylla.routedRequests()).isEqualTo(2000);
        assertThat(scylla.shardMisses()).isLessThanOrEqualTo(20);
    }

    @Test
    @Order(4)
    void tokensAreCassandrasOwn() {
        SplittableRandom random = new SplittableRandom(11);
        PreparedStatement bigint = session.prepare("SELECT token(k) FROM sim.kv WHERE k = ?");
        PreparedStatement insertText = session.prepare("INSERT INTO sim.texts (k) VALUES (?)");
        PreparedStatement text = session.prepare("SELECT token(k) FROM sim.texts WHERE k = ?");
        PreparedStatement composite = session.prepare("SELECT token(a, b) FROM sim.composite WHERE a = ? AND b = ? LIMIT 1");
        PreparedStatement insertComposite = session.prepare("INSERT INTO sim.composite (a, b, c, v) VALUES (?, ?, 0, 'x')");
        for (int i = 0; i < 300; i++) {
            long k = random.nextLong();
            session.execute(session.prepare("INSERT INTO sim.kv (k, v) VALUES (?, 't')").bind(k));
            assertThat(session.execute(bigint.bind(k)).one().getLong(0))
                    .isEqualTo(Murmur3Token.of(ByteBuffer.allocate(8).putLong(0, k)));
            String s = randomText(random);
            session.execute(insertText.bind(s));
            assertThat(session.execute(text.bind(s)).one().getLong(0))
                    .as("token of '%s'", s).isEqualTo(Murmur3Token.of(s.getBytes(StandardCharsets.UTF_8)));
            int b = random.nextInt();
            session.execute(insertComposite.bind(s, b));
            byte[] sa = s.getBytes(StandardCharsets.UTF_8);
            ByteBuffer key = ByteBuffer.allocate(2 + sa.length + 1 + 2 + 4 + 1)
                    .putShort((short) sa.length).put(sa).put((byte) 0).putShort((short) 4).putInt(b).put((byte) 0).flip();
            assertThat(session.execute(composite.bind(s, b)).one().getLong(0)).isEqualTo(Murmur3Token.of(key));
        }
    }

    @Test
    @Order(5)
    void discoveryAnswersNameTheSimulatedNode() {
        SimulatedNode node = scylla.node(1);
        try (CqlProbe probe = CqlProbe.connect(node.address(), Duration.ofSeconds(10), null, null, null)) {
            Map<String, Object> local = probe.query("SELECT rpc_address, rpc_port FROM system.local").get(0);
            assertThat(local.get("rpc_port")).isEqualTo(node.address().getPort());
            assertThat(local.get("rpc_address")).isEqualTo(node.address().getAddress());
            assertThat(probe.options()).containsEntry("SCYLLA_NR_SHARDS", List.of(Integer.toString(SHARDS)));
        }
        try (CqlProbe direct = cluster.node(1).probe()) {
            assertThat(direct.query("SELECT rpc_port FROM system.local").get(0).get("rpc_port"))
                    .isEqualTo(cluster.node(1).address().getPort());
        }
    }

    private static void report(String what) {
        for (SimulatedNode n : scylla.nodes()) System.out.println(what + ": node " + n.index() + " " + n.stats());
        System.out.printf("%s: routed %d, shard misses %d, non-replica %d%n", what, scylla.routedRequests(),
                scylla.shardMisses(), scylla.nonReplicaRequests());
    }

    /** Text with multi-byte characters, so that UTF-8 bytes above 0x7F reach the hash's tail. */
    private static String randomText(SplittableRandom random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(1, 24);
        for (int i = 0; i < n; i++) sb.appendCodePoint(random.nextBoolean() ? 'a' + random.nextInt(26) : 0xA0 + random.nextInt(0x500));
        return sb.toString();
    }

    private static CompletableFuture<AsyncResultSet> limited(Semaphore permits, java.util.function.Supplier<CompletionStage<AsyncResultSet>> call) {
        permits.acquireUninterruptibly();
        CompletableFuture<AsyncResultSet> f = call.get().toCompletableFuture();
        f.whenComplete((r, e) -> permits.release());
        return f;
    }
}
