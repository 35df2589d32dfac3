package io.jsylla;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** SASL PLAIN: {@code \0user\0password}, as Cassandra's and ScyllaDB's PasswordAuthenticator expect. */
public final class PlainTextAuthProvider implements AuthProvider {
    private final String user;
    private final char[] password;

    public PlainTextAuthProvider(String user, String password) {
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password").toCharArray();
    }

    public String user() {
        return user;
    }

    @Override
    public Authenticator newAuthenticator(InetSocketAddress node, String serverAuthenticator) {
        return new Authenticator() {
            @Override
            public byte[] initialResponse() {
                byte[] u = user.getBytes(StandardCharsets.UTF_8);
                byte[] p = new String(password).getBytes(StandardCharsets.UTF_8);
                byte[] token = new byte[u.length + p.length + 2];
                System.arraycopy(u, 0, token, 1, u.length);
                System.arraycopy(p, 0, token, u.length + 2, p.length);
                return token;
            }

            @Override
            public byte[] evaluateChallenge(byte[] challenge) {
                return initialResponse();
            }

            @Override
            public String toString() {
                return "PLAIN authenticator for " + user;
            }
        };
    }

    @Override
    public String toString() {
        return "PlainTextAuthProvider[user=" + user + ", password=<hidden>]";
    }
}
