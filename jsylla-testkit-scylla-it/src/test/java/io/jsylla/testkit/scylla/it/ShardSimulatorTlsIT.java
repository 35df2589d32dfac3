package io.jsylla.testkit.scylla.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.ssl.ProgrammaticSslEngineFactory;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.CqlProbe;
import io.jsylla.testkit.TlsFiles;
import io.jsylla.testkit.TlsMode;
import io.jsylla.testkit.internal.ProbeCodec;
import io.jsylla.testkit.scylla.ShardSimulator;
import io.jsylla.testkit.scylla.ShardSimulatorOptions;
import io.jsylla.testkit.scylla.SimulatedNode;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The simulator in front of a kit node that requires TLS and a client certificate: clients speak
 * TLS to the simulated node, the simulated node speaks TLS to Cassandra, and in between it still
 * reads every frame (SUPPORTED answered, discovery rewritten, shards judged). ScyllaDB's Java
 * driver, checking hostnames, must take it for a TLS ScyllaDB node with shards. That driver
 * (4.18.0.2) reads no shard-aware port from SUPPORTED and fills its pool through the regular port,
 * so the SSL shard-aware port is proved with raw TLS sockets from chosen source ports.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShardSimulatorTlsIT {
    private static final int SHARDS = 4;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static CassandraCluster cluster;
    private static ShardSimulator scylla;
    private static TlsFiles tls;

    @BeforeAll
    static void start() {
        int offset = Integer.getInteger("jsylla.testkit.portOffset", 0);
        cluster = CassandraCluster.builder().name("sim-tls").clientTls(TlsMode.MUTUAL)
                .nativePort(19842 + offset).storagePort(17800 + offset).jmxPort(17999 + offset).build().start();
        tls = cluster.tls().orElseThrow();
        scylla = ShardSimulator.front(cluster, ShardSimulatorOptions.defaults().shards(SHARDS));
    }

    @AfterAll
    static void stop() {
        if (scylla != null) scylla.close();
        if (cluster != null) cluster.close();
    }

    @Test
    @Order(1)
    void tlsOnTheRegularPortReachesTheNodeOverTls() {
        SimulatedNode node = scylla.node(1);
        assertThat(node.isTls()).isTrue();
        try (CqlProbe probe = CqlProbe.connect(node.address(), TIMEOUT, tls.clientContext(), null, null)) {
            assertThat(probe.options()).containsEntry("SCYLLA_SHARD_AWARE_PORT_SSL",
                    List.of(Integer.toString(node.shardAwareAddress().getPort())));
            // Read from Cassandra over TLS, rewritten by the simulator: it still reads the frames.
            Map<String, Object> local = probe.query("SELECT rpc_address, rpc_port FROM system.local").get(0);
            assertThat(local.get("rpc_port")).isEqualTo(node.address().getPort());
            assertThat(local.get("rpc_address")).isEqualTo(node.address().getAddress());
        }
    }

    @Test
    @Order(2)
    void sslShardAwarePortTakesTheShardFromTheSourcePortAndReachesTheNode() throws IOException {
        SimulatedNode node = scylla.node(1);
        node.stats().reset();
        for (int wanted = 0; wanted < SHARDS; wanted++) {
            try (SSLSocket s = tlsFrom(node.shardAwareAddress(), wanted)) {
                s.getOutputStream().write(ProbeCodec.frame(0, ProbeCodec.OPTIONS, new byte[0]));
                Map<String, List<String>> options = ProbeCodec.readStringMultimap(ProbeCodec.readFrame(s.getInputStream()).body());
                assertThat(options.get("SCYLLA_SHARD")).containsExactly(Integer.toString(wanted));
                s.getOutputStream().write(ProbeCodec.frame(1, ProbeCodec.STARTUP, ProbeCodec.stringMap(Map.of("CQL_VERSION", "3.0.0"))));
                assertThat(ProbeCodec.readFrame(s.getInputStream()).opcode()).isEqualTo(ProbeCodec.READY);
            }
        }
        assertThat(node.stats().shardAwarePortConnections()).isEqualTo(SHARDS);
    }

    @Test
    @Order(3)
    void scyllasJavaDriverCheckingHostnamesFillsAPoolPerShardAndRoutesByShard() throws InterruptedException {
        SimulatedNode node = scylla.node(1);
        // The raw sockets of the tests before must be gone: the node gives a regular-port connection
        // its least connected shard, and they would skew which shards the driver's connections get.
        for (int i = 0; i < 200 && node.stats().openConnections() > 0; i++) Thread.sleep(50);
        assertThat(node.stats().openConnections()).isZero();
        try (CqlSession session = CqlSession.builder()
                .addContactPoints(scylla.contactPoints())
                .withLocalDatacenter(cluster.node(1).datacenter())
                .withSslEngineFactory(new ProgrammaticSslEngineFactory(tls.clientContext(), null, true))
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withInt(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE, SHARDS)
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(20))
                        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, TIMEOUT)
                        .build())
                .build()) {
            Node driverNode = session.getMetadata().getNodes().values().iterator().next();
            assertThat(driverNode.getShardingInfo()).isNotNull();
            assertThat(driverNode.getShardingInfo().getShardsCount()).isEqualTo(SHARDS);
            // The driver cannot pick a shard on the regular port: it closes what lands on a full
            // shard and tries again, so wait until every shard has one of its connections.
            for (int i = 0; i < 400 && !(driverNode.getOpenConnections() == SHARDS
                    && node.stats().openConnectionsPerShard().size() == SHARDS
                    && node.stats().openConnectionsPerShard().values().stream().allMatch(c -> c >= 1)
                    && node.stats().openConnections() == SHARDS + 1); i++) { // the pool and the control connection
                Thread.sleep(50);
            }
            assertThat(node.stats().openConnectionsPerShard()).hasSize(SHARDS).allSatisfy((shard, open) -> assertThat(open).isPositive());

            session.execute("CREATE KEYSPACE IF NOT EXISTS sim_tls WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
            session.execute("CREATE TABLE IF NOT EXISTS sim_tls.kv (k bigint PRIMARY KEY, v text)");
            scylla.resetStats();
            PreparedStatement insert = session.prepare("INSERT INTO sim_tls.kv (k, v) VALUES (?, ?)");
            PreparedStatement select = session.prepare("SELECT v FROM sim_tls.kv WHERE k = ?");
            long[] keys = new SplittableRandom(7).longs(500).toArray();
            for (long k : keys) session.execute(insert.bind(k, "v" + k));
            for (long k : keys) assertThat(session.execute(select.bind(k)).one().getString("v")).isEqualTo("v" + k);
            System.out.println("TLS: " + node.stats());
            assertThat(scylla.routedRequests()).isEqualTo(1000);
            assertThat(scylla.shardMisses()).isLessThanOrEqualTo(10);
        }
    }

    /** A TLS socket (hostname checked) from a source port p with p % SHARDS == residue. */
    private static SSLSocket tlsFrom(InetSocketAddress to, int residue) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(40_000, 60_000);
            Socket tcp = new Socket();
            try {
                tcp.setReuseAddress(false);
                tcp.bind(new InetSocketAddress(to.getAddress(), base - Math.floorMod(base, SHARDS) + residue));
            } catch (BindException e) {
                tcp.close();
                continue;
            }
            tcp.setSoTimeout((int) TIMEOUT.toMillis());
            tcp.connect(to, (int) TIMEOUT.toMillis());
            SSLSocket ssl = (SSLSocket) tls.clientContext().getSocketFactory()
                    .createSocket(tcp, to.getAddress().getHostAddress(), to.getPort(), true);
            SSLParameters params = ssl.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(params);
            ssl.startHandshake();
            return ssl;
        }
        throw new IOException("no free source port");
    }
}
