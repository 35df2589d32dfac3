package io.jsylla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.testkit.NodeRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code jsylla node start}, {@code status}, {@code stop}, as the README shows them. */
class NodeCommandIT {
    private final Path home = Path.of(System.getProperty("basedir", "."), "target", "cli-home").toAbsolutePath();
    private final String[] where = {"--dir", home.toString(), "--port", "19842", "--storage-port", "17800", "--jmx-port", "17999"};

    private record Run(int exit, String out) {}

    private Run jsylla(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        String[] all = new String[args.length + where.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(where, 0, all, args.length, where.length);
        int exit = cli.execute(all);
        return new Run(exit, out.toString());
    }

    @AfterEach
    void leaveNothingRunning() {
        NodeRecord.read(home.resolve("local/node1")).ifPresent(r -> r.stop(Duration.ofSeconds(60)));
    }

    @Test
    void startStatusStop() {
        Run status = jsylla("node", "status");
        assertThat(status.exit()).isEqualTo(3);
        assertThat(status.out()).contains("Not running");

        Run start = jsylla("node", "start");
        assertThat(start.exit()).as(start.out()).isZero();
        assertThat(start.out()).contains("Started Cassandra 5.0.")
                .contains("address: 127.0.0.1:19842")
                .contains("data:    " + home.resolve("local/node1/data"))
                .contains("log:     " + home.resolve("local/node1/logs/system.log"));
        long pid = NodeRecord.read(home.resolve("local/node1")).orElseThrow().pid();
        assertThat(NodeRecord.read(home.resolve("local/node1")).orElseThrow().ownerPid())
                .as("the node outlives the command").isZero();

        Run again = jsylla("node", "start");
        assertThat(again.out()).contains("Already running").contains("pid:     " + pid);

        status = jsylla("node", "status");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("Running.").contains("CQL:     answering, Cassandra 5.0.");

        Run stop = jsylla("node", "stop");
        assertThat(stop.exit()).isZero();
        assertThat(stop.out()).contains("Stopped.");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        status = jsylla("node", "status");
        assertThat(status.exit()).isEqualTo(3);
    }
}
