package io.jsylla.testkit.ceiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsylla.testkit.CqlProbe;
import io.jsylla.testkit.CqlProbe.CqlProbeException;
import io.jsylla.testkit.internal.ProbeCodec;
import io.jsylla.testkit.internal.ProbeCodec.Frame;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server's answers, as the kit's own probe (and raw v4 frames, where it has no method) see them. */
class CeilingServerTest {
    private static final int SCAN_ROWS = 12_345;
    private static CeilingServer server;
    private static CqlProbe probe;

    @BeforeAll
    static void start() {
        server = CeilingServer.start("127.0.0.1", 0, CeilingServer.DEFAULT_VALUE_SIZE, SCAN_ROWS);
        probe = CqlProbe.connect(server.address(), Duration.ofSeconds(10), null, null, null);
    }

    @AfterAll
    static void stop() {
        probe.close();
        server.close();
    }

    @Test
    void offersProtocolV4WithoutCompression() {
        assertThat(probe.options()).isEqualTo(Map.of("CQL_VERSION", List.of("3.4.7"), "COMPRESSION", List.of(),
                "PROTOCOL_VERSIONS", List.of("4/v4")));
        assertThat(server.contactPoint()).isEqualTo("127.0.0.1:" + server.address().getPort());
    }

    @Test
    void systemLocalDescribesTheOneNode() throws Exception {
        List<Map<String, Object>> rows = probe.query("SELECT * FROM system.local");
        assertThat(rows).hasSize(1);
        Map<String, Object> local = rows.get(0);
        InetAddress ip = InetAddress.getByName("127.0.0.1");
        assertThat(local.keySet()).containsExactlyElementsOf(SystemTables.LOCAL.stream().map(c -> c.name()).toList());
        assertThat(local).containsEntry("key", "local").containsEntry("bootstrapped", "COMPLETED")
                .containsEntry("broadcast_address", ip).containsEntry("listen_address", ip).containsEntry("rpc_address", ip)
                .containsEntry("broadcast_port", 7000).containsEntry("listen_port", 7000)
                .containsEntry("rpc_port", server.address().getPort()).containsEntry("native_port", server.address().getPort())
                .containsEntry("cluster_name", "ceiling").containsEntry("cql_version", "3.4.7")
                .containsEntry("data_center", "dc1").containsEntry("rack", "rack1")
                .containsEntry("host_id", SystemTables.HOST_ID).containsEntry("schema_version", SystemTables.SCHEMA_VERSION)
                .containsEntry("partitioner", "org.apache.cassandra.dht.Murmur3Partitioner")
                .containsEntry("release_version", "5.0.9").containsEntry("tokens", Set.of("0"))
                .containsEntry("native_protocol_version", "4");
    }

    @Test
    void returnsOnlyTheColumnsAskedForInTheirOrder() {
        assertThat(probe.query("SELECT schema_version FROM system.local WHERE key='local'"))
                .containsExactly(Map.of("schema_version", SystemTables.SCHEMA_VERSION));
        assertThat(probe.query("  select RELEASE_VERSION ,cluster_name\n from system.local ; ").get(0).keySet())
                .containsExactly("release_version", "cluster_name");
        assertThatThrownBy(() -> probe.query("SELECT nope FROM system.local"))
                .isInstanceOfSatisfying(CqlProbeException.class, e -> assertThat(e.code()).isEqualTo(0x2200));
    }

    @Test
    void hasNoPeersAndAnEmptySchema() {
        for (String table : List.of("system.peers_v2", "system.peers", "system_schema.keyspaces",
                "system_schema.tables", "system_views.settings", "system.scylla_local", "system_virtual_schema.columns")) {
            assertThat(probe.query("SELECT * FROM " + table)).as(table).isEmpty();
        }
        try (RawConnection c = RawConnection.ready(server.address())) {
            Frame f = c.roundTrip(ProbeCodec.QUERY, Frames.query("SELECT * FROM system.peers_v2", 0, 0));
            assertThat(Frames.rows(f.body()).names()).containsExactly("peer", "peer_port", "data_center", "host_id",
                    "native_address", "native_port", "preferred_ip", "preferred_port", "rack", "release_version",
                    "schema_version", "tokens");
            f = c.roundTrip(ProbeCodec.QUERY, Frames.query("SELECT host_id, rpc_address FROM system.peers", 0, 0));
            Frames.Rows peers = Frames.rows(f.body());
            assertThat(peers.names()).containsExactly("host_id", "rpc_address");
            assertThat(peers.types()).extracting(t -> t.id()).containsExactly(0x000C, 0x0010);
        }
    }

    @Test
    void useSetsTheKeyspaceAndSchemaChangesAreVoid() {
        try (RawConnection c = RawConnection.ready(server.address())) {
            assertThat(setKeyspace(c.roundTrip(ProbeCodec.QUERY, Frames.query("USE bench", 0, 0)))).isEqualTo("bench");
            assertThat(setKeyspace(c.roundTrip(ProbeCodec.QUERY, Frames.query("use \"MyKs\";", 0, 0)))).isEqualTo("MyKs");
            for (String ddl : List.of("CREATE KEYSPACE IF NOT EXISTS bench WITH replication = {'class': 'SimpleStrategy', "
                    + "'replication_factor': 1}", "CREATE TABLE bench.kv (k bigint PRIMARY KEY, v blob)",
                    "TRUNCATE bench.kv", "ALTER TABLE bench.kv WITH comment = 'x'", "DROP TABLE IF EXISTS bench.kv")) {
                Frame f = c.roundTrip(ProbeCodec.QUERY, Frames.query(ddl, 0, 0));
                assertThat(f.opcode()).as(ddl).isEqualTo(ProbeCodec.RESULT);
                assertThat(f.body().getInt()).as(ddl).isEqualTo(1);
            }
        }
    }

    @Test
    void insertsAndReadsByKeyWithValues() {
        try (RawConnection c = RawConnection.ready(server.address())) {
            Frame insert = c.roundTrip(ProbeCodec.QUERY, Frames.query("INSERT INTO bench.kv (k, v) VALUES (?, ?)", 0, 0,
                    Frames.bigint(42), new byte[100]));
            assertThat(insert.body().getInt()).isEqualTo(1);
            Frame get = c.roundTrip(ProbeCodec.QUERY, Frames.query("SELECT k, v FROM kv WHERE k = ?", 0, 0, Frames.bigint(42)));
            Frames.Rows rows = Frames.rows(get.body());
            assertThat(rows.names()).containsExactly("k", "v");
            assertThat(rows.value(0, "k")).isEqualTo(42L);
            assertThat(((ByteBuffer) rows.value(0, "v")).remaining()).isEqualTo(100);
            Frame bad = c.roundTrip(ProbeCodec.QUERY, Frames.query("SELECT k, v FROM kv WHERE k = ?", 0, 0, new byte[3]));
            assertThat(bad.opcode()).isEqualTo(ProbeCodec.ERROR);
            assertThat(bad.body().getInt()).isEqualTo(0x2200);
        }
    }

    @Test
    void preparesAndExecutesTheWorkload() throws Exception {
        try (RawConnection c = RawConnection.ready(server.address())) {
            Frame prepared = c.roundTrip(Frames.PREPARE, Frames.prepare("INSERT INTO bench.kv (k, v) VALUES (?, ?)"));
            byte[] insert = Frames.preparedId(prepared.body());
            assertThat(insert).isEqualTo(MessageDigest.getInstance("MD5")
                    .digest("insert into bench . kv ( k , v ) values ( ? , ? )".getBytes(StandardCharsets.UTF_8)));
            Frame done = c.roundTrip(Frames.EXECUTE, Frames.execute(insert, 0, 0, null, Frames.bigint(1), new byte[100]));
            assertThat(done.body().getInt()).isEqualTo(1);

            Frame getPrepared = c.roundTrip(Frames.PREPARE, Frames.prepare("SELECT k, v FROM bench.kv WHERE k = ?"));
            byte[] get = Frames.preparedId(getPrepared.body());
            Frames.Rows rows = Frames.rows(c.roundTrip(Frames.EXECUTE,
                    Frames.execute(get, Frames.SKIP_METADATA, 5000, null, Frames.bigint(-7))).body());
            assertThat(rows.flags() & 0x0004).as("No_metadata").isNotZero();
            assertThat(rows.names()).isEmpty();
            assertThat(rows.rows().get(0).get(0).getLong()).isEqualTo(-7L);

            byte[] unknown = new byte[16];
            Frame error = c.roundTrip(Frames.EXECUTE, Frames.execute(unknown, 0, 0, null));
            ByteBuffer b = error.body();
            assertThat(b.getInt()).isEqualTo(0x2500);
            ProbeCodec.readString(b);
            assertThat(b.getShort()).isEqualTo((short) 16);
        }
    }

    @Test
    void scansPageByPageToTheLastRow() {
        List<Map<String, Object>> all = probe.query("SELECT k, v FROM bench.kv"); // the probe pages by 5000
        assertThat(all).hasSize(SCAN_ROWS);
        assertThat(all.get(SCAN_ROWS - 1)).containsEntry("k", SCAN_ROWS - 1L);
        try (RawConnection c = RawConnection.ready(server.address())) {
            byte[] scan = Frames.preparedId(c.roundTrip(Frames.PREPARE, Frames.prepare("select * from bench.kv")).body());
            byte[] state = null;
            int pages = 0;
            long next = 0;
            do {
                Frames.Rows page = Frames.rows(c.roundTrip(Frames.EXECUTE,
                        Frames.execute(scan, Frames.SKIP_METADATA, 1000, state)).body());
                for (List<ByteBuffer> row : page.rows()) assertThat(row.get(0).getLong()).isEqualTo(next++);
                state = page.hasMorePages() ? bytes(page.pagingState()) : null;
                pages++;
            } while (state != null);
            assertThat(next).isEqualTo(SCAN_ROWS);
            assertThat(pages).isEqualTo(13);
        }
    }

    @Test
    void batchesInsertsByTextAndById() {
        try (RawConnection c = RawConnection.ready(server.address())) {
            String insert = "INSERT INTO bench.kv (k, v) VALUES (?, ?)";
            byte[] id = Frames.preparedId(c.roundTrip(Frames.PREPARE, Frames.prepare(insert)).body());
            byte[] values = Frames.concat(new byte[] {0, 2}, Frames.bytes(Frames.bigint(1)), Frames.bytes(new byte[100]));
            byte[] batch = Frames.concat(new byte[] {1, 0, 2}, // unlogged, 2 children
                    new byte[] {0}, Frames.longString(insert), values,
                    new byte[] {1}, Frames.shortBytes(id), values,
                    new byte[] {0, 1, 0}); // consistency ONE, no flags
            Frame f = c.roundTrip(Frames.BATCH, batch);
            assertThat(f.opcode()).isEqualTo(ProbeCodec.RESULT);
            assertThat(f.body().getInt()).isEqualTo(1);

            byte[] select = Frames.concat(new byte[] {1, 0, 1}, new byte[] {0},
                    Frames.longString("SELECT k, v FROM bench.kv"), new byte[] {0, 0}, new byte[] {0, 1, 0});
            f = c.roundTrip(Frames.BATCH, select);
            assertThat(f.opcode()).isEqualTo(ProbeCodec.ERROR);
            assertThat(f.body().getInt()).isEqualTo(0x2200);
        }
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertThatThrownBy(() -> probe.query("SELECT nope FROM bench.kv"))
                .isInstanceOfSatisfying(CqlProbeException.class, e -> {
                    assertThat(e.code()).isEqualTo(0x2000);
                    assertThat(e).hasMessageContaining("ceiling server does not know: SELECT nope FROM bench.kv");
                });
    }

    @Test
    void answersProtocolV5InV4SoThatClientsFallBack() {
        try (RawConnection c = RawConnection.open(server.address())) {
            byte[] startup = ProbeCodec.frame(3, ProbeCodec.STARTUP, ProbeCodec.stringMap(Map.of("CQL_VERSION", "3.0.0")));
            startup[0] = 5;
            c.write(startup);
            Frame f = c.read(); // ProbeCodec.readFrame insists on a 0x84 version byte
            assertThat(f.stream()).isEqualTo(3);
            assertThat(f.opcode()).isEqualTo(ProbeCodec.ERROR);
            ByteBuffer b = f.body();
            assertThat(b.getInt()).isEqualTo(0x000A);
            assertThat(ProbeCodec.readString(b))
                    .isEqualTo("Invalid or unsupported protocol version (5); supported versions are (4/v4)");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void refusesCompression() {
        try (RawConnection c = RawConnection.open(server.address())) {
            Frame f = c.roundTrip(ProbeCodec.STARTUP, ProbeCodec.stringMap(Map.of("CQL_VERSION", "3.0.0", "COMPRESSION", "lz4")));
            assertThat(f.opcode()).isEqualTo(ProbeCodec.ERROR);
            ByteBuffer b = f.body();
            assertThat(b.getInt()).isEqualTo(0x000A);
            assertThat(ProbeCodec.readString(b)).isEqualTo("compression not supported");
        }
    }

    private static String setKeyspace(Frame f) {
        ByteBuffer b = f.body();
        assertThat(b.getInt()).isEqualTo(3);
        return ProbeCodec.readString(b);
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
