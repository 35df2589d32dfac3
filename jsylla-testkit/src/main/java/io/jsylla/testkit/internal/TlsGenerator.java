package io.jsylla.testkit.internal;

import io.jsylla.testkit.TlsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Generates a cluster's TLS material with the JDK's {@code keytool}: no crypto library needed,
 * and the files are the PKCS#12 stores Cassandra reads as they are.
 */
public final class TlsGenerator {
    private static final String PASSWORD = "jsylla-testkit";

    private TlsGenerator() {}

    /** Generates the stores in {@code dir}, or reuses them when an earlier start made them. */
    public static TlsFiles generate(Path dir, List<String> hosts) {
        TlsFiles files = new TlsFiles(dir.resolve("node-keystore.p12"), dir.resolve("truststore.p12"),
                dir.resolve("client-keystore.p12"), dir.resolve("node-truststore.p12"), PASSWORD);
        if (Files.isRegularFile(files.truststore()) && Files.isRegularFile(files.nodeTruststore())) return files;
        try {
            Files.createDirectories(dir);
            StringBuilder san = new StringBuilder("SAN=DNS:localhost");
            for (String h : hosts) san.append(",IP:").append(h);
            keyPair(files.nodeKeystore(), "node", "CN=jsylla-testkit-node", san.toString());
            keyPair(files.clientKeystore(), "client", "CN=jsylla-testkit-client", null);
            trust(files.nodeKeystore(), "node", dir.resolve("node.crt"), files.truststore());
            trust(files.clientKeystore(), "client", dir.resolve("client.crt"), files.nodeTruststore());
            return files;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot generate TLS material in " + dir, e);
        }
    }

    private static void keyPair(Path store, String alias, String dname, String san) throws IOException {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "3650", "-dname", dname, "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD));
        if (san != null) {
            args.add("-ext");
            args.add(san);
        }
        keytool(args);
    }

    private static void trust(Path from, String alias, Path cert, Path into) throws IOException {
        keytool(List.of("-exportcert", "-rfc", "-alias", alias, "-keystore", from.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-file", cert.toString()));
        keytool(List.of("-importcert", "-noprompt", "-alias", alias, "-file", cert.toString(),
                "-keystore", into.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD));
    }

    private static void keytool(List<String> args) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin",
                JavaRuntimes.isWindows() ? "keytool.exe" : "keytool");
        List<String> cmd = new ArrayList<>();
        cmd.add(keytool.toString());
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool " + args.get(0) + " failed: " + out.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }
}
