package io.jsylla.internal.connection;

import io.jsylla.Compression;
import io.jsylla.ConnectionException;
import io.jsylla.ProtocolException;
import io.jsylla.internal.connection.FakeNode.Received;
import io.jsylla.internal.protocol.ErrorResponse;
import io.jsylla.internal.protocol.Opcode;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.Responses;
import io.jsylla.internal.protocol.Supported;
import io.jsylla.internal.protocol.VoidResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static io.jsylla.internal.connection.ConnectionTesting.options;
import static org.assertj.core.api.Assertions.assertThat;

/** v5 first, v4 when the node refuses it; a pinned version is never traded down. */
class VersionNegotiationTest extends NodeTestSupport {

    @Test
    void fallsBackToV4AndRemembersIt() {
        node.maxVersion(4);
        ConnectionFactory factory = new ConnectionFactory(group, options(Compression.NONE, null, null));
        Connection first = connect(factory);
        assertThat(first.protocolVersion()).isEqualTo(ProtocolVersion.V4);
        assertThat(factory.protocolVersion()).isEqualTo(ProtocolVersion.V4);
        assertThat(Responses.decode(await(first.send(query("SELECT 1"))))).isEqualTo(new VoidResult());
        // one refused v5 OPTIONS, then a v4 handshake
        assertThat(node.received()).extracting(r -> r.frame().version()).containsExactly(5, 4, 4, 4);

        Connection second = connect(factory);
        assertThat(second.protocolVersion()).isEqualTo(ProtocolVersion.V4);
        assertThat(node.received()).extracting(r -> r.frame().version()).containsOnlyOnce(5);
        assertThat(node.received()).extracting(Received::segmented).containsOnly(false);
    }

    @Test
    void fallsBackWithCompressionToo() {
        node.maxVersion(4);
        Connection c = connect(new ConnectionFactory(group, options(Compression.LZ4, null, null)));
        assertThat(c.protocolVersion()).isEqualTo(ProtocolVersion.V4);
        assertThat(Responses.decode(await(c.send(query("SELECT 1"))))).isEqualTo(new VoidResult());
    }

    @Test
    void fallsBackWhenTheNodeAnswersInALowerVersionWithoutSayingWhy() {
        // a node answering OPTIONS in v4 frames, whatever the message
        node.on(Opcode.OPTIONS, (request, reply) -> {
            if (request.version() == 5) {
                reply.sendAs(ProtocolVersion.V4, ErrorResponse.simple(ErrorResponse.SERVER_ERROR, "no idea"));
            } else {
                reply.send(new Supported(Map.of()));
            }
        });
        Connection c = connect(new ConnectionFactory(group, options(Compression.NONE, null, null)));
        assertThat(c.protocolVersion()).isEqualTo(ProtocolVersion.V4);
    }

    @Test
    void aPinnedVersionDoesNotFallBack() {
        node.maxVersion(4);
        ConnectionFactory factory = new ConnectionFactory(group, options(Compression.NONE, null, ProtocolVersion.V5));
        Throwable e = connectFailure(factory, null);
        assertThat(e).isInstanceOf(ConnectionException.class).hasMessageContaining("V5")
                .hasMessageContaining("127.0.0.1:" + node.address().getPort());
        assertThat(node.received()).extracting(r -> r.frame().version()).containsOnly(5);
        assertThat(factory.protocolVersion()).isEqualTo(ProtocolVersion.V5);
    }

    @Test
    void aPinnedV4IsUsedFromTheStart() {
        Connection c = connect(new ConnectionFactory(group, options(Compression.NONE, null, ProtocolVersion.V4)));
        assertThat(c.protocolVersion()).isEqualTo(ProtocolVersion.V4);
        assertThat(node.received()).extracting(r -> r.frame().version()).containsOnly(4);
    }

    @Test
    void aProtocolErrorOfAnotherKindIsNoReasonToFallBack() {
        node.on(Opcode.STARTUP, (request, reply) ->
                reply.send(ErrorResponse.simple(ErrorResponse.PROTOCOL_ERROR, "Unknown compression algorithm")));
        Throwable e = connectFailure(new ConnectionFactory(group, options(Compression.NONE, null, null)), null);
        assertThat(e).isInstanceOf(ProtocolException.class).hasMessageContaining("Unknown compression");
        assertThat(node.received()).extracting(r -> r.frame().version()).containsOnly(5);
    }
}
