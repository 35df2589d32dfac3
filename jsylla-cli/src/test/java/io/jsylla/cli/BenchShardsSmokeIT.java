package io.jsylla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.bench.Json;
import io.jsylla.bench.RunResult;
import io.jsylla.bench.ShardCounts;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.junit.SharedCassandraNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * {@code jsylla bench --compare --shards 4}, for seconds: the three drivers through the shard
 * simulator in front of a real node, each run carrying the simulator's counts (routed EXECUTEs,
 * misses, non-replica coordinators, connections per shard) into the table and the JSON. The
 * figures themselves are not judged here: they change as the drivers do.
 */
@ExtendWith(SharedCassandraNode.class)
class BenchShardsSmokeIT {
    private static final int SHARDS = 4;

    @Test
    void comparesTheThreeDriversBehindTheShardSimulator(CassandraCluster node) throws Exception {
        Path json = Path.of(System.getProperty("basedir", "."), "target", "bench-smoke-shards.json").toAbsolutePath();
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        int exit = cli.execute("bench", "--compare", "--shards", Integer.toString(SHARDS), "--cross-shard-penalty-micros", "10",
                "--workload", "mixed", "--ops", "2000", "--concurrency", "32", "--keys", "1000", "--rounds", "1",
                "--json", json.toString(), "--contact-point", node.contactPoint());

        String printed = out.toString();
        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("against Cassandra " + node.cassandraVersion() + " at " + node.contactPoint()
                        + " behind the shard simulator at 127.0.0.1:")
                .contains("(4 shards, ignore_msb 12, cross-shard penalty 10 µs)")
                .containsPattern("median of 1 round\\(s\\) +jsylla +apache +scylla")
                .contains("shard misses %", "non-replica coordinator %", "connect-to-ready ms", "CPU µs/op")
                .contains("Connections per shard when measuring began");

        Map<?, ?> report = (Map<?, ?>) Json.parse(Files.readString(json));
        assertThat(((Map<?, ?>) report.get("shardSimulator")).get("shards")).isEqualTo(4L);
        List<?> runs = (List<?>) report.get("runs");
        assertThat(runs).hasSize(3);
        for (Object run : runs) {
            RunResult r = RunResult.fromMap((Map<?, ?>) run);
            assertThat(r.errors()).as(r.driver() + ": " + r.firstError()).isZero();
            ShardCounts s = r.shards();
            assertThat(s).as(r.driver()).isNotNull();
            // Every measured operation is one prepared EXECUTE the simulator routes; the orchestrator reads the
            // counts as it reads the worker's "measure" line, when the first window may be on its way already.
            assertThat(s.routed()).as(r.driver()).isBetween(1800L, 2000L + 2 * 32);
            assertThat(s.shardMisses()).as(r.driver()).isBetween(0L, s.routed());
            assertThat(s.nonReplica()).as(r.driver() + ": one node replicates everything").isZero();
            assertThat(s.connectionsPerShard()).hasSize(1);
            int open = s.connectionsPerShard().values().iterator().next().values().stream().mapToInt(Integer::intValue).sum();
            assertThat(open).as(r.driver() + " has connections").isPositive();
            if (r.driver().equals("scylla")) {
                assertThat(s.connectionsPerShard().values().iterator().next())
                        .as("the Scylla fork's pool of shards x 1 fills every shard").hasSize(SHARDS).doesNotContainValue(0);
            }
        }
        Map<?, ?> medians = (Map<?, ?>) ((Map<?, ?>) report.get("medians")).get("scylla");
        assertThat(medians.keySet().stream().map(Object::toString).toList()).contains("shardMissRate", "nonReplicaRate", "connectMillis", "p99Micros");
    }
}
