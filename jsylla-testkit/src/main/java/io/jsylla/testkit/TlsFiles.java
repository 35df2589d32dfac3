package io.jsylla.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The key material the kit generated for a cluster's client TLS, as PKCS#12 files.
 *
 * @param nodeKeystore the nodes' key and certificate (one certificate, valid for every node address)
 * @param truststore what a client trusts: the nodes' certificate
 * @param clientKeystore a client key and certificate, which nodes in {@link TlsMode#MUTUAL} accept
 * @param nodeTruststore what nodes trust: the client certificate
 * @param password the password of all four stores (test material, not a secret)
 */
public record TlsFiles(Path nodeKeystore, Path truststore, Path clientKeystore, Path nodeTruststore,
                       String password) {

    /** A client-side TLS context trusting the nodes' certificate and presenting the client's. */
    public SSLContext clientContext() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(truststore));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(clientKeystore), password.toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build a TLS context from " + truststore, e);
        }
    }

    private KeyStore load(Path file) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password.toCharArray());
        }
        return ks;
    }

    @Override
    public String toString() {
        return "TlsFiles[truststore=" + truststore + ", clientKeystore=" + clientKeystore + "]";
    }
}
