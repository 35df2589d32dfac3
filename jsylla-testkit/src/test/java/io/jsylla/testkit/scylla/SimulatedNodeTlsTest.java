package io.jsylla.testkit.scylla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsylla.testkit.TlsFiles;
import io.jsylla.testkit.TlsMode;
import io.jsylla.testkit.ceiling.CeilingServer;
import io.jsylla.testkit.internal.ProbeCodec;
import io.jsylla.testkit.internal.TlsGenerator;
import io.jsylla.testkit.scylla.SimulatedNodeTest.Client;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TLS simulated node in front of the kit's ceiling server (plain CQL upstream, so no Cassandra
 * is needed): TLS on both ports, SUPPORTED naming the SSL shard-aware port, shards taken from
 * source ports under TLS as in plain CQL, and a certificate a JDK client with hostname checks
 * accepts for the simulator's address. The TLS towards real nodes is proved by ShardSimulatorTlsIT.
 */
class SimulatedNodeTlsTest {
    @TempDir
    static Path dir;
    private static TlsFiles files;

    private CeilingServer upstream;
    private ShardSimulator simulator;
    private SimulatedNode node;

    @BeforeAll
    static void material() {
        files = TlsGenerator.generate(dir.resolve("tls"), List.of("127.0.0.1"));
    }

    @BeforeEach
    void start() {
        upstream = CeilingServer.start("127.0.0.1", 0);
        simulator = simulator(TlsMode.SERVER);
        node = simulator.node(1);
    }

    @AfterEach
    void stop() {
        simulator.close();
        upstream.close();
    }

    private ShardSimulator simulator(TlsMode mode) {
        return ShardSimulator.front(List.of(new ShardSimulator.Upstream(upstream.address(), "dc1", "rack1", List.of(0L),
                ShardSimulator.plainProbe(upstream.address()))), ShardSimulatorOptions.defaults(),
                ShardSimulatorTls.towardsClientsOnly(files, mode));
    }

    @Test
    void regularPortSpeaksTlsOnlyAndAnnouncesTheShardAwarePortAsTheSslOne() throws Exception {
        String port = Integer.toString(node.shardAwareAddress().getPort());
        try (Client c = tls(plain(node.address()), "127.0.0.1", files.clientContext())) {
            assertThat(c.options()).containsEntry("SCYLLA_SHARD_AWARE_PORT_SSL", List.of(port))
                    .containsEntry("SCYLLA_SHARD_AWARE_PORT", List.of(port));
            c.send(0x04, 0, 1, ProbeCodec.STARTUP, ProbeCodec.stringMap(Map.of("CQL_VERSION", "3.0.0")));
            assertThat(c.receive().opcode()).isEqualTo(ProbeCodec.READY); // forwarded, decrypted, to the node
        }
        assertThat(node.isTls()).isTrue();
        assertThatThrownBy(() -> {
            try (Client c = new Client(plain(node.address()))) {
                c.options();
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void sslShardAwarePortTakesTheShardFromTheSourcePort() throws Exception {
        for (int wanted : new int[] {3, 1, 2, 0, 3}) {
            try (Client c = tls(Client.connectFrom(node.shardAwareAddress(), wanted, 4), "127.0.0.1", files.clientContext())) {
                assertThat(c.shard()).isEqualTo(wanted);
            }
        }
        assertThat(node.stats().shardAwarePortConnections()).isEqualTo(5);
    }

    @Test
    void theCertificateNamesTheSimulatorsAddressForAJdkClientCheckingHostnames() throws Exception {
        // The simulated node binds the real node's address, which the kit's certificate names.
        try (Client c = tls(plain(node.address()), node.address().getAddress().getHostAddress(), trustOnly())) {
            assertThat(c.options()).containsKey("SCYLLA_SHARD");
        }
        // The check is really made: a name the certificate lacks is refused.
        assertThatThrownBy(() -> tls(plain(node.address()), "127.0.0.9", trustOnly()).close())
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void mutualModeWantsTheKitsClientCertificate() throws Exception {
        simulator.close();
        simulator = simulator(TlsMode.MUTUAL);
        InetSocketAddress address = simulator.node(1).address();
        try (Client c = tls(plain(address), "127.0.0.1", files.clientContext())) {
            assertThat(c.options()).containsKey("SCYLLA_SHARD_AWARE_PORT_SSL");
        }
        assertThatThrownBy(() -> {
            try (Client c = tls(plain(address), "127.0.0.1", trustOnly())) {
                c.options(); // on TLS 1.3 the refusal may come after the client's handshake
            }
        }).isInstanceOf(IOException.class);
    }

    private static Socket plain(InetSocketAddress to) throws IOException {
        Socket s = new Socket();
        s.setSoTimeout(10_000);
        s.connect(to, 5_000);
        return s;
    }

    /** TLS over a connected socket (keeping its source port), checking the certificate names {@code peerHost}. */
    private static Client tls(Socket tcp, String peerHost, SSLContext context) throws IOException {
        SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(tcp, peerHost, tcp.getPort(), true);
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(params);
        try {
            ssl.startHandshake();
        } catch (IOException e) {
            ssl.close();
            throw e;
        }
        return new Client(ssl);
    }

    /** Trusts the kit's node certificate, presents no client certificate. */
    private static SSLContext trustOnly() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(files.truststore())) {
            trust.load(in, files.password().toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
