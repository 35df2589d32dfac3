package io.jsylla.internal.connection;

import io.jsylla.Compression;
import io.jsylla.ConnectionException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static io.jsylla.internal.connection.ConnectionTesting.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Connections to a chosen port of the node, from a chosen local port, as ScyllaDB's shard-aware port needs. */
class EndpointConnectTest extends NodeTestSupport {

    @Test
    void dialsFromTheChosenLocalPortAndKeepsTheNodesIdentity() throws Exception {
        ConnectionFactory factory = new ConnectionFactory(group, options(Compression.NONE, null, null));
        InetSocketAddress node = this.node.address();
        int localPort = freePort();
        InetSocketAddress local = new InetSocketAddress("127.0.0.1", localPort);
        Connection c = factory.connect(new Endpoint(node, node, local), null, List.of()).get(10, TimeUnit.SECONDS);
        try {
            assertThat(c.node()).isEqualTo(node);
            assertThat(((InetSocketAddress) c.channel().localAddress()).getPort()).isEqualTo(localPort);
        } finally {
            c.forceClose().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aLocalPortInUseIsSaidAsSuch() throws Exception {
        ConnectionFactory factory = new ConnectionFactory(group, options(Compression.NONE, null, null));
        try (ServerSocket held = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            InetSocketAddress local = new InetSocketAddress("127.0.0.1", held.getLocalPort());
            assertThatThrownBy(() -> factory.connect(new Endpoint(node.address(), node.address(), local), null, List.of())
                    .get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(LocalPortUnavailableException.class)
                    .hasMessageContaining("cannot bind local port " + held.getLocalPort());
        }
    }

    @Test
    void aClosedOtherPortIsAnOrdinaryConnectionFailureNamingThePort() throws Exception {
        ConnectionFactory factory = new ConnectionFactory(group, options(Compression.NONE, null, null));
        int closed = freePort();
        InetSocketAddress remote = new InetSocketAddress("127.0.0.1", closed);
        Throwable e = null;
        try {
            factory.connect(new Endpoint(node.address(), remote, null), null, List.of()).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException x) {
            e = x.getCause();
        }
        assertThat(e).isInstanceOf(ConnectionException.class).isNotInstanceOf(LocalPortUnavailableException.class)
                .hasMessageContaining("to port " + closed).hasMessageContaining(node.address().getHostString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
