package io.jsylla.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Client TLS with a client certificate required, on key material the kit generated. */
class TlsIT {
    private static CassandraCluster cluster;

    @BeforeAll
    static void start() {
        cluster = CassandraCluster.builder().name("tls").clientTls(TlsMode.MUTUAL)
                .nativePort(19342).storagePort(17300).jmxPort(17499).build().start();
    }

    @AfterAll
    static void close() {
        if (cluster != null) cluster.close();
    }

    @Test
    void aClientWithTheKitsMaterialCompletesTheHandshake() {
        TlsFiles tls = cluster.tls().orElseThrow();
        assertThat(tls.truststore()).isRegularFile();
        try (CqlProbe probe = CqlProbe.connect(cluster.node(1).address(), Duration.ofSeconds(5),
                tls.clientContext(), null, null)) {
            assertThat(probe.options()).containsKey("CQL_VERSION");
        }
    }

    @Test
    void plainCqlIsRefused() {
        assertThatThrownBy(() -> {
            try (CqlProbe probe = CqlProbe.open(cluster.node(1).address(), Duration.ofSeconds(5), null)) {
                probe.options();
            }
        }).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aClientWithoutACertificateIsRefused() throws Exception {
        TlsFiles tls = cluster.tls().orElseThrow();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.truststore())) {
            trust.load(in, tls.password().toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext noClientCert = SSLContext.getInstance("TLS");
        noClientCert.init(null, tmf.getTrustManagers(), null);
        assertThatThrownBy(() -> {
            try (CqlProbe probe = CqlProbe.open(cluster.node(1).address(), Duration.ofSeconds(5), noClientCert)) {
                probe.options();
            }
        }).isInstanceOf(RuntimeException.class);
    }

    @Test
    void theCertificateNamesEveryNodeAddress() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        TlsFiles tls = cluster.tls().orElseThrow();
        try (InputStream in = Files.newInputStream(tls.nodeKeystore())) {
            ks.load(in, tls.password().toCharArray());
        }
        java.security.cert.X509Certificate cert = (java.security.cert.X509Certificate) ks.getCertificate("node");
        List<String> names = cert.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList();
        assertThat(names).contains("127.0.0.1", "localhost");
    }
}
