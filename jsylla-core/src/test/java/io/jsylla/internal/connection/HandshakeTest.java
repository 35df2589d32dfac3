package io.jsylla.internal.connection;

import io.jsylla.Compression;
import io.jsylla.ConnectionException;
import io.jsylla.internal.connection.FakeNode.Received;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.Opcode;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.Responses;
import io.jsylla.internal.protocol.StatusChangeEvent;
import io.jsylla.internal.protocol.Supported;
import io.jsylla.internal.protocol.VoidResult;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static io.jsylla.internal.connection.ConnectionTesting.options;
import static org.assertj.core.api.Assertions.assertThat;

/** ConnectionFactory + Handshake against a FakeNode: framing and compression of the happy paths. */
class HandshakeTest extends NodeTestSupport {

    @Test
    void v5HandshakeThenQueriesInSegments() {
        ConnectionFactory factory = new ConnectionFactory(group, options(Compression.NONE, null, null));
        Connection c = connect(factory);
        assertThat(c.protocolVersion()).isEqualTo(ProtocolVersion.V5);
        assertThat(factory.protocolVersion()).isEqualTo(ProtocolVersion.V5);
        assertThat(c.supported()).containsEntry("COMPRESSION", List.of("lz4", "snappy"));
        assertThat(c.isOpen()).isTrue();

        Frame answer = await(c.send(query("SELECT now() FROM system.local")));
        assertThat(answer.version()).isEqualTo(ProtocolVersion.V5);
        assertThat(Responses.decode(answer)).isEqualTo(new VoidResult());
        assertThat(c.inFlight()).isZero();

        // OPTIONS and STARTUP as plain frames, everything after inside segments
        assertThat(node.received()).extracting(Received::opcode).containsExactly(Opcode.OPTIONS, Opcode.STARTUP, Opcode.QUERY);
        assertThat(node.received()).extracting(Received::segmented).containsExactly(false, false, true);
        assertThat(node.received()).allSatisfy(r -> assertThat(r.frame().version()).isEqualTo(5));
        Map<String, String> startup = node.received(Opcode.STARTUP).get(0).frame().startupOptions();
        assertThat(startup).containsEntry("CQL_VERSION", "3.0.0").containsEntry("DRIVER_NAME", "jsylla-test")
                .doesNotContainKey("COMPRESSION");
        assertThat(node.received(Opcode.QUERY).get(0).frame().query()).isEqualTo("SELECT now() FROM system.local");
    }

    @Test
    void v5WithLz4Segments() {
        Connection c = connect(new ConnectionFactory(group, options(Compression.LZ4, null, null)));
        assertThat(c.protocolVersion()).isEqualTo(ProtocolVersion.V5);
        // large enough for the LZ4 segment to really be compressed
        String cql = "SELECT * FROM t WHERE k IN (" + "1, ".repeat(2000) + "1)";
        assertThat(Responses.decode(await(c.send(query(cql))))).isEqualTo(new VoidResult());
        assertThat(node.received(Opcode.STARTUP).get(0).frame().startupOptions()).containsEntry("COMPRESSION", "lz4");
        assertThat(node.received(Opcode.QUERY).get(0).frame().query()).isEqualTo(cql);
        assertThat(node.received(Opcode.QUERY).get(0).segmented()).isTrue();
    }

    /** v4 compressed frames, with a node that compresses its answer to STARTUP (as Cassandra does) or not. */
    @ParameterizedTest
    @CsvSource({"LZ4, true", "LZ4, false", "SNAPPY, true", "SNAPPY, false"})
    void v4WithCompressedFrames(Compression compression, boolean compressStartupAnswer) {
        node.compressStartupAnswer(compressStartupAnswer);
        Connection c = connect(new ConnectionFactory(group, options(compression, null, ProtocolVersion.V4)),
                "ks", List.of());
        assertThat(c.protocolVersion()).isEqualTo(ProtocolVersion.V4);
        assertThat(c.keyspace()).isEqualTo("ks");
        String cql = "SELECT * FROM t WHERE k IN (" + "1, ".repeat(2000) + "1)";
        assertThat(Responses.decode(await(c.send(query(cql))))).isEqualTo(new VoidResult());

        assertThat(node.received(Opcode.STARTUP).get(0).frame().startupOptions())
                .containsEntry("COMPRESSION", compression.protocolName());
        // OPTIONS and STARTUP uncompressed, later requests compressed
        assertThat(node.received()).extracting(r -> (r.frame().flags() & 1) != 0)
                .containsExactly(false, false, true, true);
        assertThat(node.received()).extracting(Received::segmented).containsOnly(false);
        assertThat(node.received(Opcode.QUERY).get(1).frame().query()).isEqualTo(cql);
    }

    /** Frames over 128 KiB cross several segments, both ways, through real sockets. */
    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"NONE", "LZ4"})
    void largeFramesCrossSegmentsBothWays(Compression compression) {
        List<String> big = IntStream.range(0, 12_000).mapToObj(i -> "value-" + i + "-" + "x".repeat(i % 40)).toList();
        node.on(Opcode.QUERY, (request, reply) -> reply.send(new Supported(Map.of("BIG", big))));
        Connection c = connect(new ConnectionFactory(group, options(compression, null, null)));
        assertThat(c.protocolVersion()).isEqualTo(ProtocolVersion.V5);
        String cql = "INSERT INTO t (k, v) VALUES (1, '" + "y".repeat(300 * 1024) + "')";
        Frame answer = await(c.send(query(cql)));
        assertThat(answer.body().readableBytes()).isGreaterThan(2 * 131071);
        assertThat(Responses.decode(answer)).isEqualTo(new Supported(Map.of("BIG", big)));
        assertThat(node.received(Opcode.QUERY).get(0).frame().query()).isEqualTo(cql);
    }

    @Test
    void useKeyspaceAndRegisterThenEventsArrive() {
        Connection c = connect(new ConnectionFactory(group, options(Compression.NONE, null, null)),
                "\"MyKs\"", List.of("STATUS_CHANGE", "TOPOLOGY_CHANGE"));
        assertThat(c.keyspace()).isEqualTo("MyKs");
        assertThat(node.received(Opcode.QUERY).get(0).frame().query()).isEqualTo("USE \"MyKs\"");
        assertThat(node.received(Opcode.REGISTER).get(0).frame().eventTypes())
                .containsExactly("STATUS_CHANGE", "TOPOLOGY_CHANGE");

        List<Frame> events = new CopyOnWriteArrayList<>();
        c.eventListener(events::add);
        StatusChangeEvent down = new StatusChangeEvent("DOWN", new InetSocketAddress("10.0.0.7", 9042));
        node.push(down);
        ConnectionTesting.await(() -> !events.isEmpty(), "the event arrives");
        assertThat(events.get(0).streamId()).isEqualTo(-1);
        assertThat(Responses.decode(events.get(0))).isEqualTo(down);
        assertThat(c.inFlight()).isZero();
    }

    @Test
    void compressionTheNodeDoesNotOfferIsRefusedByName() {
        node.supported(Map.of("CQL_VERSION", List.of("3.0.0"), "COMPRESSION", List.of("snappy")));
        Throwable e = connectFailure(new ConnectionFactory(group, options(Compression.LZ4, null, null)), null);
        assertThat(e).isInstanceOf(ConnectionException.class).hasMessageContaining("lz4")
                .hasMessageContaining("snappy");
        assertThat(node.received(Opcode.STARTUP)).isEmpty();
        ConnectionTesting.await(() -> node.openConnections() == 0, "the refused connection is closed");
    }
}
