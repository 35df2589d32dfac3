package io.jsylla.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.QueryResult;
import io.jsylla.Row;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.junit.SharedCassandraNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCassandraNode.class)
class SmokeIT {
    @Test
    void roundTrip(CassandraCluster node) {
        try (Session s = SessionBuilder.create().knownNode(node.contactPoint()).build()) {
            s.execute("CREATE KEYSPACE IF NOT EXISTS smoke WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
            s.execute("CREATE TABLE IF NOT EXISTS smoke.t (k int PRIMARY KEY, v text)");
            s.execute("INSERT INTO smoke.t (k, v) VALUES (?, ?)", 1, "one");
            QueryResult r = s.execute("SELECT k, v FROM smoke.t WHERE k = ?", 1);
            List<Row> rows = r.rows();
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).getInt("k")).isEqualTo(1);
            assertThat(rows.get(0).getString("v")).isEqualTo("one");
        }
    }
}
