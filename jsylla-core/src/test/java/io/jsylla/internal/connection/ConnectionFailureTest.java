package io.jsylla.internal.connection;

import io.jsylla.Compression;
import io.jsylla.ConnectionException;
import io.jsylla.InvalidQueryException;
import io.jsylla.internal.protocol.ErrorResponse;
import io.jsylla.internal.protocol.Opcode;
import io.jsylla.internal.protocol.VoidResult;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static io.jsylla.internal.connection.ConnectionTesting.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Connection attempts that must fail, promptly, with the right error, leaving no channel open. */
class ConnectionFailureTest extends NodeTestSupport {

    @Test
    void aNodeThatNeverAnswersTimesOutAndTheChannelIsClosed() {
        node.on(Opcode.OPTIONS, (request, reply) -> { });
        ConnectionFactory factory = new ConnectionFactory(group, options(Compression.NONE, null, null,
                Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60)));
        long start = System.nanoTime();
        Throwable e = connectFailure(factory, null);
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(e).isInstanceOf(ConnectionException.class).hasMessageContaining("within 500 ms")
                .hasMessageContaining("127.0.0.1:" + node.address().getPort());
        assertThat(elapsedMs).isGreaterThanOrEqualTo(400);
        ConnectionTesting.await(() -> node.openConnections() == 0, "the client closes the silent connection");
        assertThat(node.received(Opcode.OPTIONS)).hasSize(1); // no retry in another version
    }

    @Test
    void aNodeThatStopsAnsweringMidHandshakeTimesOutToo() {
        node.on(Opcode.STARTUP, (request, reply) -> { });
        ConnectionFactory factory = new ConnectionFactory(group, options(Compression.NONE, null, null,
                Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60)));
        assertThat(connectFailure(factory, null)).isInstanceOf(ConnectionException.class)
                .hasMessageContaining("handshake did not complete");
        ConnectionTesting.await(() -> node.openConnections() == 0, "the client closes the connection");
    }

    @Test
    void aNodeThatHangsUpFailsTheConnect() {
        node.on(Opcode.STARTUP, (request, reply) -> reply.closeConnection());
        Throwable e = connectFailure(new ConnectionFactory(group, options(Compression.NONE, null, null)), null);
        assertThat(e).isInstanceOf(ConnectionException.class).hasMessageContaining("connection closed");
    }

    @Test
    void aFailingUseFailsTheConnectWithTheServerError() {
        node.on(Opcode.QUERY, (request, reply) -> reply.send(ErrorResponse.simple(ErrorResponse.INVALID,
                "Keyspace 'nope' does not exist")));
        Throwable e = connectFailure(new ConnectionFactory(group, options(Compression.NONE, null, null)), "nope");
        assertThat(e).isInstanceOf(InvalidQueryException.class).hasMessageContaining("does not exist")
                .hasMessageContaining("127.0.0.1:" + node.address().getPort());
        ConnectionTesting.await(() -> node.openConnections() == 0, "the failed connection is closed");
    }

    @Test
    void aFailingRegisterFailsTheConnect() {
        node.on(Opcode.REGISTER, (request, reply) -> reply.send(ErrorResponse.simple(ErrorResponse.PROTOCOL_ERROR,
                "Invalid value 'NOPE' for Event.Type")));
        ConnectionFactory factory = new ConnectionFactory(group, options(Compression.NONE, null, null));
        assertThatThrownBy(() -> factory.connect(node.address(), null, List.of("NOPE")).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().hasMessageContaining("Event.Type");
    }

    @Test
    void anUnexpectedAnswerFailsTheConnect() {
        node.on(Opcode.STARTUP, (request, reply) -> reply.send(new VoidResult()));
        Throwable e = connectFailure(new ConnectionFactory(group, options(Compression.NONE, null, null)), null);
        assertThat(e).isInstanceOf(ConnectionException.class).hasMessageContaining("unexpected VoidResult")
                .hasMessageContaining("STARTUP");
    }

    @Test
    void nothingListeningFailsWithACannotConnect() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ConnectionFactory factory = new ConnectionFactory(group, options(Compression.NONE, null, null));
        assertThatThrownBy(() -> factory.connect(new InetSocketAddress("127.0.0.1", port), null, List.of())
                .get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ConnectionException.class)
                .hasMessageContaining("cannot connect");
        assertThat(factory.protocolVersion()).isNull();
    }
}
