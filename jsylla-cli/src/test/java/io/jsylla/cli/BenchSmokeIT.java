package io.jsylla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.bench.Json;
import io.jsylla.bench.RunResult;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.junit.SharedCassandraNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * {@code jsylla bench --compare}, for seconds, on a real node and on the ceiling server: every
 * driver's worker JVM starts from its module's classpath file, connects, runs the mixed workload
 * (so keys get written and read), and reports; the table and the JSON name all three. Lives here, in the last module, because
 * the adapter modules must be packaged first (see this module's pom).
 */
@ExtendWith(SharedCassandraNode.class)
class BenchSmokeIT {
    @Test
    void comparesTheThreeDriversInOneRun(CassandraCluster node) throws Exception {
        String printed = benchAllThree("bench-smoke-node.json", "--contact-point", node.contactPoint());
        assertThat(printed).contains("against Cassandra " + node.cassandraVersion() + " at " + node.contactPoint());
    }

    /** The same against the test kit's ceiling server (no database), which the drivers reach on protocol v4. */
    @Test
    void comparesTheThreeDriversAtTheDriverCeiling() throws Exception {
        String printed = benchAllThree("bench-smoke-ceiling.json", "--ceiling");
        assertThat(printed).contains("against the driver-ceiling server", "driver-ceiling throughput");
    }

    private static String benchAllThree(String jsonName, String... target) throws Exception {
        Path json = Path.of(System.getProperty("basedir", "."), "target", jsonName).toAbsolutePath();
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        List<String> args = new ArrayList<>(List.of("bench", "--compare", "--workload", "mixed", "--ops", "2000",
                "--concurrency", "32", "--keys", "1000", "--rounds", "1", "--json", json.toString()));
        args.addAll(List.of(target));
        int exit = cli.execute(args.toArray(String[]::new));

        String printed = out.toString();
        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("jsylla bench: mixed, window of 32 in flight, 2,000 ops a run")
                .containsPattern("median of 1 round\\(s\\) +jsylla +apache +scylla")
                .contains("ops/s", "p99.9 latency µs", "CPU µs/op", "bytes allocated/op", "connect-to-ready ms")
                .contains("org.apache.cassandra:java-driver-core 4.19.3", "com.scylladb:java-driver-core 4.18")
                .contains("Targets: jsylla's median over the Apache driver's");

        Map<?, ?> report = (Map<?, ?>) Json.parse(Files.readString(json));
        List<?> runs = (List<?>) report.get("runs");
        assertThat(runs).hasSize(3);
        for (Object run : runs) {
            RunResult r = RunResult.fromMap((Map<?, ?>) run);
            assertThat(r.ops()).as(r.driver()).isEqualTo(2000);
            assertThat(r.errors()).as(r.driver() + ": " + r.firstError()).isZero();
            assertThat(r.rows()).as(r.driver() + " read the written keys").isPositive();
            assertThat(r.opsPerSecond()).isPositive();
            assertThat(r.cpuMicrosPerOp()).isPositive();
            assertThat(r.bytesPerOp()).isPositive();
            assertThat(r.connectMillis()).isPositive();
        }
        assertThat(runs.stream().map(r -> String.valueOf(((Map<?, ?>) r).get("driver"))).toList()).containsExactly("jsylla", "apache", "scylla");
        assertThat(((Map<?, ?>) report.get("medians")).keySet()).hasToString("[jsylla, apache, scylla]");
        return printed;
    }
}
