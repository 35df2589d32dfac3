package io.jsylla.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.Batch;
import io.jsylla.Query;
import io.jsylla.QueryResult;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import io.jsylla.TracingInfo;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.junit.SharedCassandraNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tracing, warnings, the automatic schema wait, LWT results, keyspaces and metrics. */
@ExtendWith(SharedCassandraNode.class)
class SessionFeaturesIT {
    private static Session session;
    private static String ks;

    @BeforeAll
    static void connect(CassandraCluster node) {
        session = SessionBuilder.create().knownNode(node.contactPoint()).build();
        ks = Keyspaces.create(session, "features");
        session.useKeyspace(ks, false);
        session.execute("CREATE TABLE t (k int PRIMARY KEY, v text)");
    }

    @AfterAll
    static void close() {
        if (session != null) session.close();
    }

    @Test
    void aTracedRequestHasATrace() {
        QueryResult r = session.query(Query.of("SELECT * FROM t WHERE k = ?").withTracing(true), 1);
        assertThat(r.tracingId()).isPresent();
        TracingInfo trace = session.getTracingInfo(r.tracingId().orElseThrow());
        assertThat(trace.traceId()).isEqualTo(r.tracingId().get());
        assertThat(trace.coordinator()).isEqualTo(r.coordinator().getAddress());
        assertThat(trace.duration()).isPositive();
        assertThat(trace.events()).isNotEmpty();
        assertThat(trace.request()).isNotBlank();
        assertThat(session.execute("SELECT * FROM t").tracingId()).isEmpty();
    }

    @Test
    void serverWarningsReachTheResult() {
        Batch batch = Batch.logged();
        List<Object> values = new ArrayList<>();
        String payload = "x".repeat(1024);
        for (int i = 0; i < 8; i++) {
            batch = batch.appendStatement("INSERT INTO t (k, v) VALUES (?, ?)");
            values.add(List.of(1000 + i, payload));
        }
        QueryResult r = session.batch(batch, values); // 8 KiB: over the 5 KiB batch warning threshold
        assertThat(r.warnings()).anyMatch(w -> w.contains("Batch"));
    }

    @Test
    void schemaChangesAreVisibleWhenTheStatementReturns() {
        session.execute("CREATE TABLE fresh (k int PRIMARY KEY, v int)");
        assertThat(session.getClusterData().getKeyspace(ks).orElseThrow().getTable("fresh")).isPresent();
        session.execute("ALTER TABLE fresh ADD w text");
        assertThat(session.getClusterData().getKeyspace(ks).orElseThrow().getTable("fresh").orElseThrow().getColumn("w"))
                .isPresent();
    }

    @Test
    void conditionalUpdatesSayWhetherTheyApplied() {
        assertThat(session.execute("INSERT INTO t (k, v) VALUES (?, ?) IF NOT EXISTS", 50, "first").wasApplied()).isTrue();
        QueryResult second = session.execute("INSERT INTO t (k, v) VALUES (?, ?) IF NOT EXISTS", 50, "second");
        assertThat(second.wasApplied()).isFalse();
        assertThat(second.firstRow().orElseThrow().getString("v")).isEqualTo("first");
    }

    @Test
    void useAsAStatementSwitchesTheWholeSession(CassandraCluster node) {
        try (Session s = SessionBuilder.create().knownNode(node.contactPoint()).poolSize(3).build()) {
            assertThat(s.getKeyspace()).isEmpty();
            s.execute("USE " + ks);
            assertThat(s.getKeyspace()).contains(ks);
            for (int i = 0; i < 30; i++) assertThat(s.execute("SELECT * FROM t LIMIT 1").columnSpecs()).isNotEmpty();
        }
    }

    @Test
    void schemaMetadataCanBeSwitchedOffOrLimited(CassandraCluster node) {
        try (Session s = SessionBuilder.create().knownNode(node.contactPoint()).schemaMetadata(false).build()) {
            assertThat(s.getClusterData().getKeyspaces()).isEmpty();
            assertThat(s.getClusterData().getNodes()).hasSize(1);
            assertThat(s.execute("SELECT * FROM " + ks + ".t LIMIT 1").columnSpecs()).isNotEmpty();
        }
        try (Session s = SessionBuilder.create().knownNode(node.contactPoint()).schemaKeyspaces(List.of(ks)).build()) {
            assertThat(s.getClusterData().getKeyspaces().keySet()).containsExactly(ks);
            s.execute("CREATE TABLE " + ks + ".limited (k int PRIMARY KEY)");
            assertThat(s.getClusterData().getKeyspace(ks).orElseThrow().getTable("limited")).isPresent();
            assertThat(s.getClusterData().getKeyspaces().keySet()).containsExactly(ks);
        }
    }

    @Test
    void metricsCountRequestsAndLatency() {
        long before = session.getMetrics().requests();
        for (int i = 0; i < 20; i++) session.execute("SELECT * FROM t WHERE k = ?", i);
        assertThat(session.getMetrics().requests()).isGreaterThanOrEqualTo(before + 20);
        assertThat(session.getMetrics().latencyPercentile(99)).isPositive();
        assertThat(session.getMetrics().requestsOn(session.getClusterData().getNodes().get(0).address()))
                .isGreaterThanOrEqualTo(20);
    }
}
