package io.jsylla.testkit.scylla.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import java.util.Set;
import com.datastax.oss.driver.api.core.metadata.Node;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.CassandraNode;
import io.jsylla.testkit.CqlProbe;
import io.jsylla.testkit.junit.SharedCassandraCluster;
import io.jsylla.testkit.scylla.ShardSimulator;
import io.jsylla.testkit.scylla.ShardSimulatorOptions;
import io.jsylla.testkit.scylla.SimulatedNode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three simulated nodes in front of a three-node cluster: the driver must discover the peers as
 * the simulated nodes (never the real ones), fill a per-shard pool on each, and send each
 * prepared request to a replica's owning shard.
 */
@ExtendWith(SharedCassandraCluster.class)
class ShardSimulatorClusterIT {
    private static final int SHARDS = 8;
    private static final int KEYS = 1500;

    @Test
    void discoversSimulatedPeersAndRoutesToReplicaShards(CassandraCluster cluster) throws InterruptedException {
        try (ShardSimulator scylla = ShardSimulator.front(cluster, ShardSimulatorOptions.defaults().shards(SHARDS));
             CqlSession session = CqlSession.builder()
                     .addContactPoint(scylla.node(1).address()) // one contact point: the others must come from peers
                     .withLocalDatacenter(cluster.node(1).datacenter())
                     .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                             .withInt(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE, SHARDS)
                             .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(20))
                             .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
                             .build())
                     .build()) {
            Collection<Node> nodes = session.getMetadata().getNodes().values();
            assertThat(nodes).hasSize(3);
            assertThat(nodes).extracting(n -> (InetSocketAddress) n.getEndPoint().resolve())
                    .containsExactlyInAnyOrderElementsOf(scylla.contactPoints());
            for (int i = 0; i < 200 && !poolsFull(scylla); i++) Thread.sleep(50);
            for (SimulatedNode n : scylla.nodes()) System.out.println("pool: node " + n.index() + " " + n.stats().openConnectionsPerShard());
            assertThat(poolsFull(scylla)).isTrue();

            session.execute("CREATE KEYSPACE IF NOT EXISTS simc WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
            session.execute("CREATE TABLE IF NOT EXISTS simc.kv (k bigint PRIMARY KEY, v bigint)");
            awaitTableEverywhere(cluster, session);
            PreparedStatement insert = session.prepare("INSERT INTO simc.kv (k, v) VALUES (?, ?)");
            PreparedStatement select = session.prepare("SELECT v FROM simc.kv WHERE k = ?");
            assertThat(session.getMetadata().getTokenMap()).isPresent();
            scylla.resetStats();
            long[] keys = new SplittableRandom(3).longs(KEYS).toArray();
            for (long k : keys) session.execute(insert.bind(k, k + 1));
            for (long k : keys) assertThat(session.execute(select.bind(k)).one().getLong("v")).isEqualTo(k + 1);
            for (SimulatedNode n : scylla.nodes()) System.out.println("3 nodes: node " + n.index() + " " + n.stats());
            System.out.printf("3 nodes: routed %d, shard misses %d, non-replica %d%n",
                    scylla.routedRequests(), scylla.shardMisses(), scylla.nonReplicaRequests());
            assertThat(scylla.routedRequests()).isEqualTo(2L * KEYS);
            assertThat(scylla.nodes()).allSatisfy(n -> assertThat(n.stats().routedRequests()).isPositive());
            assertThat(scylla.shardMisses()).isLessThanOrEqualTo(2L * KEYS / 100);
            assertThat(scylla.nonReplicaRequests()).isLessThanOrEqualTo(2L * KEYS / 100);

            // Pinned to a node the driver's token map says is no replica: each must be counted.
            scylla.resetStats();
            TokenMap tokens = session.getMetadata().getTokenMap().orElseThrow();
            for (int i = 0; i < 30; i++) {
                BoundStatement read = select.bind(keys[i]);
                Set<Node> replicas = tokens.getReplicas("simc", read.getRoutingKey());
                Node other = nodes.stream().filter(n -> !replicas.contains(n)).findFirst().orElseThrow();
                session.execute(read.setNode(other));
            }
            assertThat(scylla.nonReplicaRequests()).isEqualTo(30);
        }
    }

    /**
     * Waits until every real node has the table and the driver knows the keyspace (its token map
     * needs the replication): the driver's own schema agreement wait returned before the table
     * reached every node in this setup, so the test does not rely on it.
     */
    private static void awaitTableEverywhere(CassandraCluster cluster, CqlSession session) throws InterruptedException {
        for (CassandraNode n : cluster.nodes()) {
            for (int i = 0; i < 300; i++) {
                try (CqlProbe probe = n.probe()) {
                    if (!probe.query("SELECT table_name FROM system_schema.tables WHERE keyspace_name = 'simc' AND table_name = 'kv'").isEmpty()) break;
                }
                Thread.sleep(100);
            }
        }
        for (int i = 0; i < 300 && session.getMetadata().getKeyspace("simc").flatMap(k -> k.getTable("kv")).isEmpty(); i++) Thread.sleep(100);
    }

    /** Every simulated node holds at least one connection on each shard. */
    private static boolean poolsFull(ShardSimulator scylla) {
        return scylla.nodes().stream().allMatch(n -> n.stats().openConnectionsPerShard().size() == SHARDS
                && n.stats().openConnectionsPerShard().values().stream().allMatch(c -> c >= 1));
    }
}
