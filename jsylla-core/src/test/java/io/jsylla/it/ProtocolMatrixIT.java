package io.jsylla.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.Batch;
import io.jsylla.ColumnSpec;
import io.jsylla.Compression;
import io.jsylla.PreparedStatement;
import io.jsylla.Query;
import io.jsylla.QueryPager;
import io.jsylla.QueryResult;
import io.jsylla.Row;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.session.DefaultSession;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.junit.SharedCassandraNode;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same suite over every framing: v4 plain, LZ4 and Snappy frames; v5 segments plain and
 * LZ4, pinned and negotiated. The node itself confirms what each connection uses.
 */
@ExtendWith(SharedCassandraNode.class)
class ProtocolMatrixIT {

    static Stream<Arguments> framings() {
        return Stream.of(
                Arguments.of(4, Compression.NONE, ProtocolVersion.V4),
                Arguments.of(4, Compression.LZ4, ProtocolVersion.V4),
                Arguments.of(4, Compression.SNAPPY, ProtocolVersion.V4),
                Arguments.of(5, Compression.NONE, ProtocolVersion.V5),
                Arguments.of(5, Compression.LZ4, ProtocolVersion.V5),
                Arguments.of(0, Compression.NONE, ProtocolVersion.V5),  // negotiated
                Arguments.of(0, Compression.LZ4, ProtocolVersion.V5));
    }

    @ParameterizedTest(name = "protocol {0} (0 = negotiated), {1}")
    @MethodSource("framings")
    void theSuitePassesOnEveryFraming(int pinned, Compression compression, ProtocolVersion expected, CassandraCluster node) {
        SessionBuilder b = SessionBuilder.create().knownNode(node.contactPoint()).compression(compression).poolSize(2);
        if (pinned != 0) b.protocolVersion(pinned);
        try (Session s = b.build()) {
            assertThat(((DefaultSession) s).protocolVersion()).isEqualTo(expected);
            String ks = Keyspaces.create(s, "matrix");
            s.useKeyspace(ks, false);
            s.execute("CREATE TABLE t (k int, c int, v text, b blob, PRIMARY KEY (k, c))");

            PreparedStatement insert = s.prepare("INSERT INTO t (k, c, v) VALUES (?, ?, ?)");
            for (int c = 0; c < 300; c++) s.executePrepared(insert, 1, c, "row " + c);
            s.batch(Batch.unlogged().appendStatement(insert).appendStatement("INSERT INTO t (k, c, v) VALUES (2, 0, 'batch')"),
                    List.of(List.of(2, 1, "batch bound"), List.of()));

            int seen = 0;
            try (QueryPager pager = s.queryIter(Query.of("SELECT c, v FROM t WHERE k = ?").withPageSize(50), 1)) {
                for (Row r : pager) {
                    assertThat(r.getString("v")).isEqualTo("row " + r.getInt("c"));
                    seen++;
                }
            }
            assertThat(seen).isEqualTo(300);
            assertThat(s.execute("SELECT v FROM t WHERE k = 2").rows()).extracting(r -> r.getString(0))
                    .containsExactly("batch", "batch bound");

            // Larger than one v5 segment (128 KiB) in both directions, and poorly compressible.
            byte[] big = new byte[300_000];
            new Random(42).nextBytes(big);
            s.execute("INSERT INTO t (k, c, b) VALUES (?, ?, ?)", 3, 0, big);
            ByteBuffer back = s.execute("SELECT b FROM t WHERE k = ? AND c = ?", 3, 0).firstRow().orElseThrow().getBytes("b");
            assertThat(back).isEqualTo(ByteBuffer.wrap(big));

            // A prepared SELECT * sees a column added under it: on v4 through the columns every answer
            // carries (recognised in place while unchanged), on v5 through Metadata_changed.
            PreparedStatement all = s.prepare("SELECT * FROM t WHERE k = ? AND c = ?");
            for (int i = 0; i < 3; i++) {
                QueryResult r = s.executePrepared(all, 1, 7);
                assertThat(r.columnSpecs()).extracting(ColumnSpec::name).containsExactly("k", "c", "b", "v");
                assertThat(r.firstRow().orElseThrow().getString("v")).isEqualTo("row 7");
            }
            s.execute("ALTER TABLE t ADD extra int");
            s.execute("UPDATE t SET extra = 42 WHERE k = 1 AND c = 7");
            for (int i = 0; i < 3; i++) {
                QueryResult r = s.executePrepared(all, 1, 7);
                assertThat(r.columnSpecs()).extracting(ColumnSpec::name).containsExactly("k", "c", "b", "extra", "v");
                assertThat(r.firstRow().orElseThrow().getInt("extra")).isEqualTo(42);
                assertThat(r.firstRow().orElseThrow().getString("v")).isEqualTo("row 7");
            }

            assertThat(connectionsAsTheNodeSeesThem(s)).isNotEmpty().allSatisfy(client -> {
                assertThat(client.get("protocol_version")).isEqualTo(expected.code());
                @SuppressWarnings("unchecked")
                Map<String, String> options = (Map<String, String>) client.get("client_options");
                assertThat(options.get("COMPRESSION")).isEqualTo(compression.protocolName());
            });
        }
    }

    /** system_views.clients: the node's own account of each connection of this driver. */
    private static List<Map<String, Object>> connectionsAsTheNodeSeesThem(Session s) {
        String version = io.jsylla.Jsylla.version();
        return s.execute("SELECT protocol_version, client_options, driver_name, driver_version FROM system_views.clients")
                .rows().stream().map(Row::columns)
                .filter(c -> "jsylla".equals(c.get("driver_name")) && version.equals(c.get("driver_version")))
                .filter(c -> ownSession(c))
                .toList();
    }

    private static boolean ownSession(Map<String, Object> client) {
        return true;
    }
}
