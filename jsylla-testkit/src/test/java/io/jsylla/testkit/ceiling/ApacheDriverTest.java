package io.jsylla.testkit.ceiling;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultProtocolVersion;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.internal.core.session.throttling.ConcurrencyLimitingRequestThrottler;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Apache Cassandra Java driver, an independent client, connects to the ceiling server and
 * runs the benchmark workload: what a real driver needs, the server answers.
 */
class ApacheDriverTest {
    private static final int SCAN_ROWS = 12_345;

    @Test
    void runsTheWorkloadOverTwoConnections() throws Exception {
        try (CeilingServer server = CeilingServer.start("127.0.0.1", 0, CeilingServer.DEFAULT_VALUE_SIZE, SCAN_ROWS)) {
            DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                    .withInt(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE, 2)
                    // More requests in flight than one connection's 1024 streams would be refused
                    // as "busy"; the throttler queues them instead, as a benchmark's would.
                    .withClass(DefaultDriverOption.REQUEST_THROTTLER_CLASS, ConcurrencyLimitingRequestThrottler.class)
                    .withInt(DefaultDriverOption.REQUEST_THROTTLER_MAX_CONCURRENT_REQUESTS, 1500)
                    .withInt(DefaultDriverOption.REQUEST_THROTTLER_MAX_QUEUE_SIZE, 100_000)
                    .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
                    .build();
            try (CqlSession session = CqlSession.builder().addContactPoint(server.address())
                    .withLocalDatacenter("dc1").withConfigLoader(config).build()) {
                // The driver opened with its highest version and fell back on the server's v4 error.
                assertThat(session.getContext().getProtocolVersion()).isEqualTo(DefaultProtocolVersion.V4);
                Node node = session.getMetadata().getNodes().values().iterator().next();
                assertThat(node.getDatacenter()).isEqualTo("dc1");
                assertThat(node.getHostId()).isEqualTo(SystemTables.HOST_ID);
                assertThat(session.getMetadata().getClusterName()).contains("ceiling");

                session.execute("CREATE KEYSPACE IF NOT EXISTS bench WITH replication = "
                        + "{'class': 'SimpleStrategy', 'replication_factor': 1}");
                session.execute("CREATE TABLE IF NOT EXISTS bench.kv (k bigint PRIMARY KEY, v blob)");
                PreparedStatement insert = session.prepare("INSERT INTO bench.kv (k, v) VALUES (?, ?)");
                PreparedStatement get = session.prepare("SELECT k, v FROM bench.kv WHERE k = ?");
                PreparedStatement scan = session.prepare("SELECT k, v FROM bench.kv");

                ByteBuffer value = ByteBuffer.wrap(new byte[CeilingServer.DEFAULT_VALUE_SIZE]);
                List<CompletableFuture<?>> pending = new ArrayList<>();
                for (long k = 0; k < 3000; k++) {
                    long key = k;
                    pending.add(session.executeAsync(insert.bind(key, value)).toCompletableFuture());
                    CompletionStage<AsyncResultSet> read = session.executeAsync(get.bind(key));
                    pending.add(read.thenAccept(rs -> {
                        Row row = rs.one();
                        assertThat(row.getLong("k")).isEqualTo(key);
                        assertThat(row.getByteBuffer("v").remaining()).isEqualTo(CeilingServer.DEFAULT_VALUE_SIZE);
                    }).toCompletableFuture());
                }
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

                BatchStatement batch = BatchStatement.newInstance(DefaultBatchType.UNLOGGED);
                for (long k = 0; k < 10; k++) batch = batch.add(insert.bind(k, value));
                assertThat(session.execute(batch).wasApplied()).isTrue();

                // Unprepared, with values, and a scan paged by 1000 to exactly SCAN_ROWS rows.
                assertThat(session.execute("SELECT k, v FROM bench.kv WHERE k = ?", 77L).one().getLong("k")).isEqualTo(77L);
                ResultSet rows = session.execute(scan.bind().setPageSize(1000));
                long expected = 0;
                for (Row row : rows) assertThat(row.getLong("k")).isEqualTo(expected++);
                assertThat(expected).isEqualTo(SCAN_ROWS);
                assertThat(server.openConnections()).isGreaterThanOrEqualTo(3); // control + 2 in the pool
            }
            assertThat(server.requestsServed()).isGreaterThan(6000);
        }
    }
}
