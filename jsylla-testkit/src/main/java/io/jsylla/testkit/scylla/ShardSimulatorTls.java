package io.jsylla.testkit.scylla;

import io.jsylla.testkit.TlsFiles;
import io.jsylla.testkit.TlsMode;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS of simulated nodes in front of TLS nodes. A simulated node must read every frame (to
 * answer OPTIONS, judge shards, rewrite discovery), so it cannot pass TLS through: it ends the
 * client's TLS itself, with the kit's node certificate (whose names are the node addresses, which
 * the simulated nodes share), and opens its own TLS connection to the real node, trusting the
 * kit's node certificate (the kit's only authority: it is self-signed) and presenting the kit's
 * client certificate, so it passes a node that requires one.
 *
 * <p>A TLS simulated node speaks TLS only, on its regular port and on its shard-aware port, as a
 * ScyllaDB node does with {@code client_encryption_options} on and both
 * {@code native_shard_aware_transport_port} and {@code native_shard_aware_transport_port_ssl}
 * set to the same port: one TLS listener, announced under both SUPPORTED keys. Drivers on TLS
 * read {@code SCYLLA_SHARD_AWARE_PORT_SSL}; one that wrongly read the plain key would still reach
 * a TLS port.
 */
public final class ShardSimulatorTls {
    private final SslContext towardsClients;
    private final SslContext towardsNodes;

    private ShardSimulatorTls(SslContext towardsClients, SslContext towardsNodes) {
        this.towardsClients = towardsClients;
        this.towardsNodes = towardsNodes;
    }

    /**
     * TLS on both sides, for nodes the kit started with this material and mode: clients must
     * present the kit's client certificate when the mode is {@link TlsMode#MUTUAL}, as the node would ask.
     */
    public static ShardSimulatorTls of(TlsFiles files, TlsMode mode) {
        return new ShardSimulatorTls(clientFacing(files, mode), nodeFacing(files));
    }

    /**
     * TLS towards clients only, the real node reached in plain CQL: for a node without TLS, such
     * as the kit's in-memory ceiling server.
     */
    public static ShardSimulatorTls towardsClientsOnly(TlsFiles files, TlsMode mode) {
        return new ShardSimulatorTls(clientFacing(files, mode), null);
    }

    /** The server side of a client's TLS, first in an accepted channel's pipeline. */
    SslHandler clientSide(ByteBufAllocator alloc) {
        return towardsClients.newHandler(alloc);
    }

    /** The client side of the upstream TLS, checking the node's certificate names its address; null for plain CQL. */
    SslHandler nodeSide(ByteBufAllocator alloc, InetSocketAddress node) {
        if (towardsNodes == null) return null;
        return towardsNodes.newHandler(alloc, node.getAddress().getHostAddress(), node.getPort());
    }

    private static SslContext clientFacing(TlsFiles files, TlsMode mode) {
        Objects.requireNonNull(files, "files");
        if (mode == null || mode == TlsMode.OFF) throw new IllegalArgumentException("TLS mode must be SERVER or MUTUAL: " + mode);
        try {
            SslContextBuilder b = SslContextBuilder.forServer(keys(files.nodeKeystore(), files.password()))
                    .sslProvider(SslProvider.JDK);
            if (mode == TlsMode.MUTUAL) b.clientAuth(ClientAuth.REQUIRE).trustManager(trust(files.nodeTruststore(), files.password()));
            return b.build();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build the simulator's TLS towards clients from " + files, e);
        }
    }

    private static SslContext nodeFacing(TlsFiles files) {
        try {
            return SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                    .keyManager(keys(files.clientKeystore(), files.password()))
                    .trustManager(trust(files.truststore(), files.password()))
                    .endpointIdentificationAlgorithm("HTTPS")
                    .build();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build the simulator's TLS towards nodes from " + files, e);
        }
    }

    private static KeyManagerFactory keys(Path store, String password) throws GeneralSecurityException, IOException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(store, password), password.toCharArray());
        return kmf;
    }

    private static TrustManagerFactory trust(Path store, String password) throws GeneralSecurityException, IOException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(store, password));
        return tmf;
    }

    private static KeyStore load(Path file, String password) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password.toCharArray());
        }
        return ks;
    }

    @Override
    public String toString() {
        return "ShardSimulatorTls[towards clients" + (towardsNodes == null ? " only" : " and nodes") + "]";
    }
}
