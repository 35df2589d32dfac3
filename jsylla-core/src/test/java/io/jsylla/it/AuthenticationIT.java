package io.jsylla.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsylla.AuthenticationException;
import io.jsylla.NoHostAvailableException;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import io.jsylla.testkit.CassandraCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Password authentication against a node that requires it. */
class AuthenticationIT {
    private static CassandraCluster node;

    @BeforeAll
    static void start() {
        int offset = Integer.getInteger("jsylla.testkit.portOffset", 0);
        node = CassandraCluster.builder().name("core-auth").passwordAuthentication(true)
                .nativePort(19542 + offset).storagePort(17500 + offset).jmxPort(17699 + offset).build().start();
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    @Test
    void goodCredentialsConnect() {
        try (Session s = SessionBuilder.create().knownNode(node.contactPoint()).user("cassandra", "cassandra").build()) {
            s.execute("CREATE ROLE IF NOT EXISTS app_user WITH PASSWORD = 'secure_password' AND LOGIN = true");
        }
        try (Session s = SessionBuilder.create().knownNode(node.contactPoint()).user("app_user", "secure_password").build()) {
            assertThat(s.execute("SELECT release_version FROM system.local").rows()).hasSize(1);
            assertThatThrownBy(() -> s.execute("SELECT role FROM system_auth.roles"))
                    .isInstanceOf(io.jsylla.UnauthorizedException.class).hasMessageContaining("app_user");
        }
    }

    @Test
    void badCredentialsNameTheNode() {
        assertThatThrownBy(() -> SessionBuilder.create().knownNode(node.contactPoint()).user("cassandra", "wrong").build())
                .isInstanceOf(NoHostAvailableException.class)
                .satisfies(e -> {
                    Throwable cause = ((NoHostAvailableException) e).errors().values().iterator().next();
                    assertThat(cause).isInstanceOf(AuthenticationException.class);
                    assertThat(((AuthenticationException) cause).node()).isEqualTo(node.node(1).address());
                    assertThat(cause.getMessage()).contains("127.0.0.1");
                });
    }

    @Test
    void noCredentialsSaysHowToGiveThem() {
        assertThatThrownBy(() -> SessionBuilder.create().knownNode(node.contactPoint()).build())
                .isInstanceOf(NoHostAvailableException.class)
                .hasMessageContaining("requires authentication").hasMessageContaining("user(");
    }

    @Test
    void thePasswordAppearsInNoToString() {
        SessionBuilder b = SessionBuilder.create().knownNode(node.contactPoint()).user("cassandra", "cassandra");
        assertThat(b.toString()).doesNotContain("password=cassandra").contains("hidden");
        try (Session s = b.build()) {
            assertThat(s.toString()).doesNotContain("cassandra]").contains("hidden");
        }
    }
}
