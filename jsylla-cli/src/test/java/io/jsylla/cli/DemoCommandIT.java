package io.jsylla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.testkit.NodeRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code jsylla demo} with no node running: it starts one, runs every example and a short benchmark, and stops it. */
class DemoCommandIT {
    private final Path home = Path.of(System.getProperty("basedir", "."), "target", "demo-home").toAbsolutePath();

    @Test
    void startsAnEmbeddedNodeRunsTheExamplesAndABenchmarkAndStopsIt() {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        int exit = cli.execute("demo", "--dir", home.toString(), "--port", "19942", "--storage-port", "17900",
                "--jmx-port", "17998", "--bench-duration", "4s");
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString())
                .contains("starting an embedded Cassandra node")
                .contains("[1/12] CRUD")
                .contains("[12/12] Rows as Java records")
                .contains("All 12 examples ran against Cassandra at 127.0.0.1:19942")
                .contains("A short benchmark: jsylla")
                .contains("run 1/1 jsylla  measure [######")  // the progress bar, printed by quarters off a terminal
                .contains("failed operations")
                .containsPattern("ops/s +[0-9,]+")
                .contains("Stopping the embedded node");
        assertThat(out.toString().indexOf("Stopping the embedded node")).as("the node stops after the benchmark")
                .isGreaterThan(out.toString().indexOf("failed operations"));
        assertThat(NodeRecord.read(home.resolve("local/node1")).map(NodeRecord::isRunning).orElse(false)).isFalse();
    }
}
