package io.jsylla.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsylla.AlreadyExistsException;
import io.jsylla.InvalidQueryException;
import io.jsylla.PreparedStatement;
import io.jsylla.ServerResponseException;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import io.jsylla.SyntaxException;
import io.jsylla.Unset;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.junit.SharedCassandraNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Binding by position and by name, its errors before anything is sent, and server errors by subclass. */
@ExtendWith(SharedCassandraNode.class)
class BindingAndErrorsIT {
    private static Session session;
    private static CassandraCluster node;

    @BeforeAll
    static void connect(CassandraCluster n) {
        node = n;
        session = SessionBuilder.create().knownNode(n.contactPoint()).build();
        session.useKeyspace(Keyspaces.create(session, "binding"), false);
        session.execute("CREATE TABLE t (id int PRIMARY KEY, big bigint, name text, n smallint)");
    }

    @AfterAll
    static void close() {
        if (session != null) session.close();
    }

    @Test
    void valuesBindWithTheServersTypes() {
        session.execute("INSERT INTO t (id, big, name, n) VALUES (?, ?, ?, ?)", 1, 7, "seven", 3); // ints into bigint/smallint
        var row = session.execute("SELECT big, n FROM t WHERE id = ?", 1).firstRow().orElseThrow();
        assertThat(row.getLong("big")).isEqualTo(7L);
        assertThat(row.get("big")).isInstanceOf(Long.class);
        assertThat(row.get("n")).isEqualTo((short) 3);
    }

    @Test
    void namedValues() {
        session.execute("INSERT INTO t (id, name) VALUES (:id, :name)", Map.of("id", 2, "name", "two"));
        assertThat(session.execute("SELECT name FROM t WHERE id = :id", Map.of("ID", 2)).firstRow().orElseThrow()
                .getString("name")).isEqualTo("two");
        Map<String, Object> partial = new HashMap<>();
        partial.put("id", 2);
        partial.put("name", Unset.VALUE);
        session.execute("INSERT INTO t (id, name) VALUES (:id, :name)", partial);
        assertThat(session.execute("SELECT name FROM t WHERE id = ?", 2).firstRow().orElseThrow().getString("name"))
                .as("unset leaves the column as it was").isEqualTo("two");
    }

    @Test
    void bindingMistakesFailBeforeAnythingIsSent() {
        PreparedStatement ps = session.prepare("INSERT INTO t (id, name) VALUES (?, ?)");
        long before = session.getMetrics().requests();
        assertThatThrownBy(() -> session.executePrepared(ps, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 variables").hasMessageContaining("1 value");
        assertThatThrownBy(() -> session.executePrepared(ps, 1, "a", "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 values");
        assertThatThrownBy(() -> session.executePrepared(ps, Map.of("id", 1, "nme", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nme'").hasMessageContaining("name");
        assertThatThrownBy(() -> session.executePrepared(ps, Map.of("id", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name text").hasMessageContaining("Unset.VALUE");
        assertThatThrownBy(() -> session.executePrepared(ps, "one", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'id'").hasMessageContaining("int").hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> session.execute("INSERT INTO t (id, n) VALUES (?, ?)", 1, 70000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'n'").hasMessageContaining("smallint");
        // The transparent prepare above is one request; none of the broken executions went out.
        assertThat(session.getMetrics().requests()).isLessThanOrEqualTo(before + 1);
    }

    @Test
    void serverErrorsArriveAsTheirSubclassWithCodeAndNode() {
        assertThatThrownBy(() -> session.execute("SELEC * FROM t"))
                .isInstanceOf(SyntaxException.class)
                .satisfies(e -> assertThat(((ServerResponseException) e).code()).isEqualTo(0x2000))
                .satisfies(e -> assertThat(((ServerResponseException) e).node()).isNotNull());
        assertThatThrownBy(() -> session.execute("SELECT * FROM missing_table"))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("missing_table");
        assertThatThrownBy(() -> session.execute("CREATE TABLE t (id int PRIMARY KEY)"))
                .isInstanceOf(AlreadyExistsException.class)
                .satisfies(e -> assertThat(((AlreadyExistsException) e).table()).isEqualTo("t"));
        assertThatThrownBy(() -> session.execute("SELECT * FROM t WHERE id = ?", 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
