package io.jsylla.internal.connection;

import io.jsylla.AuthProvider;
import io.jsylla.AuthenticationException;
import io.jsylla.Compression;
import io.jsylla.internal.protocol.AuthChallenge;
import io.jsylla.internal.protocol.AuthSuccess;
import io.jsylla.internal.protocol.Authenticate;
import io.jsylla.internal.protocol.ErrorResponse;
import io.jsylla.internal.protocol.Opcode;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.Responses;
import io.jsylla.internal.protocol.VoidResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.jsylla.internal.connection.ConnectionTesting.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The SASL exchange after STARTUP, in v5 segments and in v4 compressed frames. */
class AuthenticationTest extends NodeTestSupport {
    private static final String AUTHENTICATOR = "org.apache.cassandra.auth.PasswordAuthenticator";
    private static final byte[] PLAIN = "\0cassandra\0secret".getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void demandAuthentication() {
        node.on(Opcode.STARTUP, (request, reply) -> reply.send(new Authenticate(AUTHENTICATOR)));
    }

    @ParameterizedTest
    @CsvSource({"NONE,", "LZ4,", "LZ4, V4", "SNAPPY, V4"})
    void challengeThenSuccess(Compression compression, ProtocolVersion pinned) {
        // first token: a challenge; second: success
        AtomicInteger round = new AtomicInteger();
        node.on(Opcode.AUTH_RESPONSE, (request, reply) -> reply.send(round.incrementAndGet() == 1
                ? new AuthChallenge("more please".getBytes(StandardCharsets.UTF_8)) : new AuthSuccess(null)));
        Connection c = connect(new ConnectionFactory(group,
                options(compression, AuthProvider.plainText("cassandra", "secret"), pinned)), "ks", List.of());
        assertThat(c.protocolVersion()).isEqualTo(pinned == null ? ProtocolVersion.V5 : pinned);
        assertThat(c.keyspace()).isEqualTo("ks");
        assertThat(node.received(Opcode.AUTH_RESPONSE)).hasSize(2)
                .allSatisfy(r -> assertThat(r.frame().authToken()).isEqualTo(PLAIN));
        assertThat(node.received(Opcode.AUTH_RESPONSE).get(0).segmented()).isEqualTo(pinned == null);
        assertThat(Responses.decode(await(c.send(query("SELECT 1"))))).isEqualTo(new VoidResult());
    }

    @Test
    void customAuthenticatorSeesTheServerClassAndTheChallenges() {
        List<String> seen = new CopyOnWriteArrayList<>();
        AuthProvider custom = (n, serverAuthenticator) -> new AuthProvider.Authenticator() {
            @Override
            public byte[] initialResponse() {
                seen.add("init " + serverAuthenticator);
                return null;
            }

            @Override
            public byte[] evaluateChallenge(byte[] challenge) {
                seen.add("challenge " + new String(challenge, StandardCharsets.UTF_8));
                return "answer".getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public void onSuccess(byte[] token) {
                seen.add("success " + new String(token, StandardCharsets.UTF_8));
            }
        };
        AtomicInteger round = new AtomicInteger();
        node.on(Opcode.AUTH_RESPONSE, (request, reply) -> reply.send(round.incrementAndGet() == 1
                ? new AuthChallenge("q".getBytes(StandardCharsets.UTF_8))
                : new AuthSuccess("done".getBytes(StandardCharsets.UTF_8))));
        connect(new ConnectionFactory(group, options(Compression.NONE, custom, null)));
        assertThat(seen).containsExactly("init " + AUTHENTICATOR, "challenge q", "success done");
        assertThat(node.received(Opcode.AUTH_RESPONSE).get(0).frame().authToken()).isNull();
    }

    @Test
    void badCredentialsFailNamingTheNode() {
        node.on(Opcode.AUTH_RESPONSE, (request, reply) -> reply.send(ErrorResponse.simple(ErrorResponse.BAD_CREDENTIALS,
                "Provided username cassandra and/or password are incorrect")));
        Throwable e = connectFailure(new ConnectionFactory(group,
                options(Compression.NONE, AuthProvider.plainText("cassandra", "wrong"), null)), null);
        assertThat(e).isInstanceOf(AuthenticationException.class).hasMessageContaining("are incorrect")
                .hasMessageContaining("127.0.0.1:" + node.address().getPort());
        assertThat(((AuthenticationException) e).node()).isEqualTo(node.address());
        assertThat(e.getMessage()).doesNotContain("wrong");
        ConnectionTesting.await(() -> node.openConnections() == 0, "the failed connection is closed");
    }

    @Test
    void noCredentialsConfigured() {
        Throwable e = connectFailure(new ConnectionFactory(group, options(Compression.NONE, null, null)), null);
        assertThat(e).isInstanceOf(AuthenticationException.class).hasMessageContaining(AUTHENTICATOR)
                .hasMessageContaining("no credentials were configured");
        assertThat(node.received(Opcode.AUTH_RESPONSE)).isEmpty();
        ConnectionTesting.await(() -> node.openConnections() == 0, "the failed connection is closed");
    }
}
