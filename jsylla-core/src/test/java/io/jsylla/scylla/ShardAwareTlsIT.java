package io.jsylla.scylla;

import io.jsylla.PreparedStatement;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.TlsFiles;
import io.jsylla.testkit.TlsMode;
import io.jsylla.testkit.scylla.ShardSimulator;
import io.jsylla.testkit.scylla.ShardSimulatorOptions;
import io.jsylla.testkit.scylla.SimulatedNode;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shard awareness over TLS: a kit node that requires TLS behind the shard simulator, which then
 * speaks TLS on its regular port and announces its TLS shard-aware port as
 * {@code SCYLLA_SHARD_AWARE_PORT_SSL}. jsylla, checking the node's certificate and hostname, must
 * fill its per-shard pool through that port and route every request to its shard.
 */
class ShardAwareTlsIT {
    private static final int SHARDS = 4;
    private static CassandraCluster cluster;
    private static ShardSimulator scylla;
    private static TlsFiles tls;

    @BeforeAll
    static void start() {
        int offset = Integer.getInteger("jsylla.testkit.portOffset", 0);
        cluster = CassandraCluster.builder().name("shards-tls").clientTls(TlsMode.SERVER)
                .nativePort(19642 + offset).storagePort(17600 + offset).jmxPort(17799 + offset).build().start();
        tls = cluster.tls().orElseThrow();
        scylla = ShardSimulator.front(cluster, ShardSimulatorOptions.defaults().shards(SHARDS));
    }

    @AfterAll
    static void stop() {
        if (scylla != null) scylla.close();
        if (cluster != null) cluster.close();
    }

    @Test
    void fillsThePoolThroughTheTlsShardAwarePortAndRoutesByShard() {
        SimulatedNode node = scylla.node(1);
        assertThat(node.isTls()).isTrue();
        try (Session session = SessionBuilder.create().knownNode(node.contactPoint()).sslContext(tls.clientContext())
                .localDatacenter(cluster.node(1).datacenter()).requestTimeout(Duration.ofSeconds(20)).build()) {
            assertThat(session.getMetrics().connectionsPerShard(node.address())).containsExactly(1, 1, 1, 1);
            // The first connection learned the sharding on the regular port; the other shards were
            // reached through the TLS shard-aware port, from local ports naming them.
            assertThat(node.stats().shardAwarePortConnections()).isGreaterThanOrEqualTo(SHARDS - 1);

            session.execute("CREATE KEYSPACE IF NOT EXISTS tls_shards WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
            session.execute("CREATE TABLE IF NOT EXISTS tls_shards.kv (k bigint PRIMARY KEY, v text)");
            PreparedStatement insert = session.prepare("INSERT INTO tls_shards.kv (k, v) VALUES (?, ?)");
            PreparedStatement select = session.prepare("SELECT v FROM tls_shards.kv WHERE k = ?");
            scylla.resetStats();
            long[] keys = new SplittableRandom(17).longs(500).toArray();
            for (long k : keys) session.executePrepared(insert, k, "v" + k);
            for (long k : keys) {
                assertThat(session.executePrepared(select, k).firstRow().orElseThrow().getString("v")).isEqualTo("v" + k);
            }
            assertThat(scylla.routedRequests()).isEqualTo(1000);
            assertThat(scylla.shardMisses()).isZero();
        }
    }
}
