package io.jsylla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.junit.SharedCassandraNode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** {@code jsylla cql} against a real node: statements, a file, the shell, errors. */
@ExtendWith(SharedCassandraNode.class)
class CqlCommandIT {

    /** Output and exit code of one run; the shell reads {@code stdin}. */
    private record Run(int exit, String out, String err) {}

    private static Run cql(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new CqlCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void runsStatementsAndPrintsRowsAsATable(CassandraCluster node) {
        Run r = cql("", "-c", node.contactPoint(), "-e", """
                CREATE KEYSPACE IF NOT EXISTS cli WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};
                CREATE TABLE IF NOT EXISTS cli.t (k int PRIMARY KEY, name text, tags set<text>, data blob);
                INSERT INTO cli.t (k, name, tags, data) VALUES (1, 'semi;colon', {'a', 'b'}, 0xcafe);
                INSERT INTO cli.t (k, name) VALUES (2, 'Bob');
                SELECT k, name, tags, data FROM cli.t WHERE k IN (1, 2)""");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("OK")
                .containsPattern(" k \\| name +\\| tags +\\| data")
                .containsPattern(" 1 \\| semi;colon \\| \\{'a', 'b'\\} \\| 0xcafe")
                .containsPattern(" 2 \\| Bob +\\| null +\\| null")
                .contains("(2 rows)");
    }

    @Test
    void printsEveryPageOfALargeResult(CassandraCluster node) {
        StringBuilder inserts = new StringBuilder("CREATE KEYSPACE IF NOT EXISTS cli WITH replication = "
                + "{'class': 'SimpleStrategy', 'replication_factor': 1}; CREATE TABLE IF NOT EXISTS cli.many (p int, c int, PRIMARY KEY (p, c));");
        for (int c = 0; c < 6000; c += 500) {
            inserts.append("BEGIN UNLOGGED BATCH ");
            for (int i = c; i < c + 500; i++) inserts.append("INSERT INTO cli.many (p, c) VALUES (0, ").append(i).append(");");
            inserts.append(" APPLY BATCH;");
        }
        Run load = cql("", "-c", node.contactPoint(), "-e", inserts.toString());
        assertThat(load.exit()).as(load.err()).isZero();
        Run r = cql("", "-c", node.contactPoint(), "-e", "SELECT c FROM cli.many WHERE p = 0");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("(6000 rows)").containsPattern("(?m)^ 5999$").containsPattern("(?m)^ 0$");
    }

    @Test
    void theShellGoesOnAfterAnErrorAndKnowsUseAndDescribe(CassandraCluster node) {
        assertThat(cql("", "-c", node.contactPoint(), "-e", "CREATE KEYSPACE IF NOT EXISTS cli WITH replication = "
                + "{'class': 'SimpleStrategy', 'replication_factor': 1}; CREATE TABLE IF NOT EXISTS cli.t (k int PRIMARY KEY, "
                + "name text, tags set<text>, data blob); INSERT INTO cli.t (k, name) VALUES (3, 'Carol')").exit()).isZero();
        Run r = cql("""
                USE cli;
                SELEC nonsense;
                SELECT name
                  FROM t WHERE k = 3;
                DESCRIBE TABLE t;
                exit
                SELECT 'never run' FROM t;
                """, "-c", node.contactPoint());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("SyntaxException");
        assertThat(r.out()).containsPattern(" name\\s+-+\\s+ Carol").contains("(1 row)")
                .contains("CREATE TABLE cli.t").doesNotContain("never run");
    }

    @Test
    void aFailingStatementStopsAScriptWithExitCodeOne(CassandraCluster node) throws Exception {
        Path file = Files.createTempFile("jsylla-cql", ".cql");
        Files.writeString(file, "SELECT release_version FROM system.local;\nSELECT * FROM no_such_keyspace.t;\nSELECT 1 FROM system.local;\n");
        Run r = cql("", "-c", node.contactPoint(), "-f", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("release_version").contains(node.cassandraVersion()).contains("(1 row)");
        assertThat(r.err()).contains("InvalidQueryException").contains("no_such_keyspace");
        assertThat(r.out().split("\\(1 row\\)", -1)).as("the statement after the failing one did not run").hasSize(2);
    }

    @Test
    void noNodeNoSessionAndAClearMessage() {
        Run r = cql("", "-c", "127.0.0.1:1", "-e", "SELECT 1 FROM system.local");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("Cannot connect to 127.0.0.1:1");
    }
}
