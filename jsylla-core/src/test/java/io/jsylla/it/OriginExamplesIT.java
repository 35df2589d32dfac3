package io.jsylla.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsylla.Batch;
import io.jsylla.ClusterData;
import io.jsylla.Compression;
import io.jsylla.Consistency;
import io.jsylla.InvalidQueryException;
import io.jsylla.KeyspaceMetadata;
import io.jsylla.NodeInfo;
import io.jsylla.PreparedStatement;
import io.jsylla.Query;
import io.jsylla.QueryResult;
import io.jsylla.RequestTimeoutException;
import io.jsylla.Row;
import io.jsylla.ScyllaException;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import io.jsylla.ClosedSessionException;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.junit.SharedCassandraNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The examples of the API documents, each against a real node. */
@ExtendWith(SharedCassandraNode.class)
class OriginExamplesIT {
    private static Session session;
    private static String ks;

    @BeforeAll
    static void connect(CassandraCluster node) {
        session = SessionBuilder.create().knownNode(node.contactPoint()).build();
        ks = Keyspaces.create(session, "origin");
        session.useKeyspace(ks, false);
        session.execute("CREATE TABLE users (id int PRIMARY KEY, name text, email text)");
    }

    @AfterAll
    static void close() {
        if (session != null) session.close();
    }

    @Test
    void crud() {
        session.execute("INSERT INTO users (id, name, email) VALUES (?, ?, ?)", 1, "Alice", "alice@example.com");
        Row row = session.execute("SELECT * FROM users WHERE id = ?", 1).firstRow().orElseThrow();
        assertThat(row.getString("name")).isEqualTo("Alice");
        session.execute("UPDATE users SET email = ? WHERE id = ?", "alice@new.example", 1);
        assertThat(session.execute("SELECT email FROM users WHERE id = :id", Map.of("id", 1)).firstRow().orElseThrow()
                .getString("email")).isEqualTo("alice@new.example");
        session.execute("DELETE FROM users WHERE id = ?", 1);
        assertThat(session.execute("SELECT * FROM users WHERE id = ?", 1).rows()).isEmpty();
    }

    @Test
    void theCompleteBuilderWithOneRealNodeAndUnreachableOnes(CassandraCluster node) {
        try (Session s = SessionBuilder.create()
                .knownNode("127.0.0.1:1")                              // refused at once
                .knownNodes(List.of("no-such-host.invalid:9042", node.contactPoint()))
                .useKeyspace(ks, false)
                .connectionTimeout(Duration.ofSeconds(10))
                .poolSize(4)
                .compression(Compression.LZ4)
                .tcpNodelay(true)
                .tcpKeepalive(Duration.ofSeconds(60))
                .localDatacenter("dc1")
                .requestTimeout(Duration.ofSeconds(12))
                .build()) {
            assertThat(s.getKeyspace()).contains(ks);
            assertThat(s.execute("SELECT release_version FROM system.local").firstRow().orElseThrow()
                    .getString("release_version")).startsWith("5.0");
            s.execute("INSERT INTO users (id, name) VALUES (?, ?)", 100, "Builder");
            assertThat(s.execute("SELECT name FROM users WHERE id = ?", 100).firstRow().orElseThrow().getString(0)).isEqualTo("Builder");
        }
    }

    @Test
    void queryWithQuorumAndPageSize() {
        for (int i = 200; i < 210; i++) session.execute("INSERT INTO users (id, name) VALUES (?, ?)", i, "u" + i);
        Query q = Query.of("SELECT * FROM users").withConsistency(Consistency.QUORUM).withPageSize(3)
                .withTimeout(Duration.ofSeconds(2)).withIdempotent(true);
        QueryResult first = session.query(q);
        assertThat(first.rows()).hasSize(3);
        assertThat(first.pagingState().isEnd()).isFalse();
        assertThat(q.getCql()).isEqualTo("SELECT * FROM users");
        assertThat(q.getConsistency()).isEqualTo(Consistency.QUORUM);
    }

    @Test
    void preparedInsertAndSelect() {
        PreparedStatement insert = session.prepare("INSERT INTO users (id, name, email) VALUES (?, ?, ?)");
        session.executePrepared(insert, 300, "Carol", "carol@example.com");
        session.executePrepared(insert, Map.of("id", 301, "name", "Dan", "email", "dan@example.com"));
        session.execute(insert.bind(302, "Eve", "eve@example.com"));
        PreparedStatement select = session.prepare(Query.of("SELECT name FROM users WHERE id = ?").withConsistency(Consistency.ONE));
        assertThat(select.getConsistency()).isEqualTo(Consistency.ONE);
        assertThat(select.getVariables()).extracting(v -> v.name()).containsExactly("id");
        assertThat(select.getPartitionKeyIndexes()).containsExactly(0);
        for (int id = 300; id <= 302; id++) {
            assertThat(session.executePrepared(select, id).firstRow()).isPresent();
        }
        assertThat(session.executePrepared(select, 301).firstRow().orElseThrow().getString("name")).isEqualTo("Dan");
    }

    @Test
    void aLoggedBatchOfTwoStatementsWithValueSets() {
        PreparedStatement ps = session.prepare("INSERT INTO users (id, name) VALUES (?, ?)");
        Batch batch = Batch.logged()
                .appendStatement("INSERT INTO users (id, name) VALUES (?, ?)")
                .appendStatement(ps);
        session.batch(batch, List.of(List.of(400, "Alice"), Map.of("id", 401, "name", "Bob")));
        assertThat(session.execute("SELECT name FROM users WHERE id IN (400, 401)").rows())
                .extracting(r -> r.getString("name")).containsExactlyInAnyOrder("Alice", "Bob");
        Batch prepared = session.prepareBatch(batch);
        assertThat(prepared.getStatements()).allMatch(s -> s instanceof PreparedStatement);
        session.batch(prepared, List.of(List.of(402, "Cid"), List.of(403, "Dee")));
        assertThat(session.execute("SELECT count(*) FROM users WHERE id IN (402, 403)").firstRow().orElseThrow().getLong(0)).isEqualTo(2);
    }

    @Test
    void useKeyspaceOnAMissingKeyspaceSaysSo() {
        assertThatThrownBy(() -> session.useKeyspace("no_such_keyspace", false))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("no_such_keyspace");
        assertThat(session.getKeyspace()).contains(ks); // unchanged
    }

    @Test
    void schemaAgreementAfterCreateTable() {
        session.execute("CREATE TABLE agreed (k int PRIMARY KEY)");
        UUID version = session.awaitSchemaAgreement();
        assertThat(session.checkSchemaAgreement()).contains(version);
        assertThat(session.getClusterData().getKeyspace(ks).orElseThrow().getTable("agreed")).isPresent();
    }

    @Test
    void clusterData() {
        ClusterData data = session.getClusterData();
        assertThat(data.getNodes()).hasSize(1);
        NodeInfo n = data.getNodes().get(0);
        assertThat(n.datacenter()).isEqualTo("dc1");
        assertThat(n.isUp()).isTrue();
        assertThat(n.releaseVersion()).startsWith("5.0");
        assertThat(n.hostId()).isNotNull();
        assertThat(n.tokens()).hasSize(16);
        KeyspaceMetadata k = data.getKeyspace(ks).orElseThrow();
        assertThat(k.getTable("users").orElseThrow().partitionKey()).extracting(c -> c.name()).containsExactly("id");
        assertThat(k.replication()).containsEntry("replication_factor", "1");
        assertThat(data.toString()).contains("dc1").contains(ks);
        assertThat(k.describe()).contains("CREATE TABLE " + ks + ".users");
    }

    @Test
    void retryWithBackoff() throws InterruptedException {
        // The pattern applications use around transient errors: retry idempotent work a few times.
        Query q = Query.of("SELECT * FROM users WHERE id = ?").withIdempotent(true);
        QueryResult result = null;
        Duration backoff = Duration.ofMillis(10);
        for (int attempt = 1; attempt <= 3 && result == null; attempt++) {
            try {
                result = session.query(q, 1);
            } catch (RequestTimeoutException | io.jsylla.UnavailableException | io.jsylla.OverloadedException e) {
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2);
            }
        }
        assertThat(result).isNotNull();
    }

    @Test
    void closeReleasesTheSessionAndRefusesMore(CassandraCluster node) {
        Session s = SessionBuilder.create().knownNode(node.contactPoint()).build();
        var pending = s.executeAsync("SELECT * FROM system.local");
        s.close();
        assertThat(pending.toCompletableFuture().join().rows()).hasSize(1); // in-flight work finished
        assertThat(s.isClosed()).isTrue();
        assertThatThrownBy(() -> s.execute("SELECT * FROM system.local")).isInstanceOf(ClosedSessionException.class);
        s.close(); // idempotent
    }

    @Test
    void errorsAreScyllaExceptions() {
        assertThatThrownBy(() -> session.execute("SELECT * FROM no_such_table")).isInstanceOf(ScyllaException.class);
    }
}
