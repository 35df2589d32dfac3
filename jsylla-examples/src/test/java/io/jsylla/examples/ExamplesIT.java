package io.jsylla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.junit.SharedCassandraNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every example runs green against a real node, and says what it showed. */
@ExtendWith(SharedCassandraNode.class)
class ExamplesIT {

    @Test
    void everyExampleRuns(CassandraCluster node) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Examples.runAll(node.contactPoint(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("[12/12]")
                .contains("inserted and read back: {id=1, name=Alice, email=alice@example.com}")
                .contains("despite the two dead contact points")
                .contains("first page: 4 rows, more pages: true")
                .contains("3 -> {name=Carol, email=carol@example.com}")
                .contains("both applied atomically: [Alice, Bob]")
                .contains("missing keyspace refused")
                .contains("every node is on schema version")
                .contains("CREATE TABLE jsylla_examples.users")
                .contains("succeeded with 1 row(s)")
                .contains("by hand: 3 pages")
                .containsPattern("at most [12] held at once")
                .contains("read back asynchronously: async-1500")
                .contains("User[id=1, name=Alice, email=alice@example.com]");
    }
}
