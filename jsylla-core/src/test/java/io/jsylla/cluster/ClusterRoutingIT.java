package io.jsylla.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.ClusterData;
import io.jsylla.NodeInfo;
import io.jsylla.PreparedStatement;
import io.jsylla.Query;
import io.jsylla.Row;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import io.jsylla.internal.routing.RoutingKey;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.CassandraNode;
import io.jsylla.testkit.junit.SharedCassandraCluster;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Discovery from one contact point, and token-aware routing checked against the ring itself. */
@ExtendWith(SharedCassandraCluster.class)
class ClusterRoutingIT {
    private static CassandraCluster cluster;
    private static Session session;
    private static Ring ring;

    @BeforeAll
    static void connect(CassandraCluster c) {
        cluster = c;
        ring = new Ring(c);
        session = SessionBuilder.create().knownNode(c.node(1).contactPoint()).build();
        session.execute("CREATE KEYSPACE IF NOT EXISTS routing1 WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE KEYSPACE IF NOT EXISTS routing2 WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 2}");
        session.execute("CREATE TABLE IF NOT EXISTS routing1.single (k int PRIMARY KEY, v int)");
        session.execute("CREATE TABLE IF NOT EXISTS routing1.composite (a int, b text, c int, v int, PRIMARY KEY ((a, b), c))");
        session.execute("CREATE TABLE IF NOT EXISTS routing2.single (k int PRIMARY KEY, v int)");
    }

    @AfterAll
    static void close() {
        if (session != null) session.close();
    }

    @Test
    void oneContactPointDiscoversEveryNode() {
        ClusterData data = session.getClusterData();
        assertThat(data.getNodes()).hasSize(3);
        for (CassandraNode n : cluster.nodes()) {
            NodeInfo info = data.getNodes().stream().filter(i -> i.address().equals(n.address())).findFirst().orElseThrow();
            assertThat(info.datacenter()).isEqualTo(n.datacenter());
            assertThat(info.rack()).isEqualTo(n.rack());
            assertThat(info.releaseVersion()).isEqualTo(cluster.cassandraVersion());
            assertThat(info.hostId()).isNotNull();
            assertThat(info.isUp()).isTrue();
            assertThat(info.tokens()).containsExactlyInAnyOrderElementsOf(
                    n.tokens().stream().map(String::valueOf).collect(Collectors.toList()));
        }
        assertThat(data.getPartitioner()).endsWith("Murmur3Partitioner");
    }

    @Test
    void aSingleKeyGoesToItsReplica() {
        PreparedStatement insert = session.prepare("INSERT INTO routing1.single (k, v) VALUES (?, ?)");
        PreparedStatement read = session.prepare("SELECT v FROM routing1.single WHERE k = ?");
        for (int k = 0; k < 150; k++) {
            session.executePrepared(insert, k, k);
            long token = serverToken("SELECT token(k) FROM routing1.single WHERE k = ?", k);
            CassandraNode replica = ring.replicas(token, 1).get(0);
            Map<InetSocketAddress, Long> before = counts();
            session.executePrepared(read, k);
            assertThat(delta(before)).as("key %d (token %d) belongs to %s", k, token, replica)
                    .containsExactly(Map.entry(replica.address(), 1L));
            assertThat(session.getClusterData().getReplicas("routing1", Codec.intKey(k)))
                    .extracting(NodeInfo::address).containsExactly(replica.address());
        }
    }

    @Test
    void aCompositeKeyGoesToItsReplica() {
        PreparedStatement insert = session.prepare("INSERT INTO routing1.composite (a, b, c, v) VALUES (?, ?, 0, 1)");
        PreparedStatement read = session.prepare("SELECT v FROM routing1.composite WHERE a = ? AND b = ?");
        for (int a = 0; a < 100; a++) {
            String b = "key-" + a;
            session.executePrepared(insert, a, b);
            long token = serverToken("SELECT token(a, b) FROM routing1.composite WHERE a = ? AND b = ?", a, b);
            CassandraNode replica = ring.replicas(token, 1).get(0);
            Map<InetSocketAddress, Long> before = counts();
            session.executePrepared(read, a, b);
            assertThat(delta(before)).as("key (%d, %s)", a, b).containsExactly(Map.entry(replica.address(), 1L));
            ByteBuffer key = RoutingKey.compose(List.of(Codec.intKey(a), ByteBuffer.wrap(b.getBytes(StandardCharsets.UTF_8))));
            assertThat(session.getClusterData().getReplicas("routing1", key)).extracting(NodeInfo::address)
                    .containsExactly(replica.address());
        }
    }

    @Test
    void unpreparedQueriesRouteByTheKeyTheyAreGiven() {
        for (int k = 0; k < 50; k++) {
            session.query(Query.of("INSERT INTO routing2.single (k, v) VALUES (" + k + ", 0)").withConsistency(io.jsylla.Consistency.ALL));
            long token = serverToken("SELECT token(k) FROM routing2.single WHERE k = ?", k);
            List<CassandraNode> replicas = ring.replicas(token, 2);
            Map<InetSocketAddress, Long> before = counts();
            session.query(Query.of("SELECT v FROM routing2.single WHERE k = " + k).withRoutingValues(k).withRoutingKeyspace("routing2"));
            Map<InetSocketAddress, Long> d = delta(before);
            assertThat(d).hasSize(1);
            assertThat(replicas.stream().map(CassandraNode::address)).contains(d.keySet().iterator().next());
            assertThat(session.getClusterData().getReplicas("routing2", Codec.intKey(k))).extracting(NodeInfo::address)
                    .containsExactlyInAnyOrderElementsOf(replicas.stream().map(CassandraNode::address).toList());
        }
    }

    private static long serverToken(String cql, Object... key) {
        Row r = session.execute(cql, key).firstRow().orElseThrow();
        return r.getLong(0);
    }

    private static Map<InetSocketAddress, Long> counts() {
        Map<InetSocketAddress, Long> m = new HashMap<>();
        for (CassandraNode n : cluster.nodes()) m.put(n.address(), session.getMetrics().requestsOn(n.address()));
        return m;
    }

    private static Map<InetSocketAddress, Long> delta(Map<InetSocketAddress, Long> before) {
        Map<InetSocketAddress, Long> d = new HashMap<>();
        counts().forEach((node, now) -> {
            long diff = now - before.get(node);
            if (diff != 0) d.put(node, diff);
        });
        return d;
    }

    /** Serialized partition keys, as the driver would send them. */
    static final class Codec {
        static ByteBuffer intKey(int k) {
            return ByteBuffer.allocate(4).putInt(0, k);
        }
    }
}
