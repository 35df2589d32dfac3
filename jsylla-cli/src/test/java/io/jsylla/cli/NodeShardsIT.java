package io.jsylla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.testkit.CqlProbe;
import io.jsylla.testkit.NodeRecord;
import io.jsylla.testkit.scylla.ShardCountsFile;
import io.jsylla.testkit.scylla.ShardSimulatorProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code jsylla node start --shards}: the node on --port + 1, a detached simulator on --port and
 * the shard-aware port, both outliving the command; status shows the simulator's connections
 * per shard; stop ends both. Ports follow {@code jsylla.testkit.portOffset}.
 */
class NodeShardsIT {
    private static final int OFFSET = Integer.getInteger("jsylla.testkit.portOffset", 0);
    private static final int PORT = 20500 + OFFSET;
    private static final int SHARD_AWARE_PORT = 20510 + OFFSET;
    private final Path home = Path.of(System.getProperty("basedir", "."), "target", "cli-home-shards").toAbsolutePath();
    private final Path nodeDir = home.resolve("local/node1");
    private final String[] where = {"--dir", home.toString(), "--port", Integer.toString(PORT),
            "--storage-port", Integer.toString(17850 + OFFSET), "--jmx-port", Integer.toString(17851 + OFFSET)};

    private record Run(int exit, String out) {}

    private Run jsylla(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        String[] all = new String[args.length + where.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(where, 0, all, args.length, where.length);
        return new Run(cli.execute(all), out.toString());
    }

    @AfterEach
    void leaveNothingRunning() {
        ShardSimulatorProcess.read(nodeDir).ifPresent(s -> s.stop(Duration.ofSeconds(10)));
        NodeRecord.read(nodeDir).ifPresent(r -> r.stop(Duration.ofSeconds(60)));
    }

    @Test
    void startsTheNodeBehindADetachedSimulator() throws Exception {
        Run start = jsylla("node", "start", "--shards", "4", "--shard-aware-port", Integer.toString(SHARD_AWARE_PORT));
        assertThat(start.exit()).as(start.out()).isZero();
        assertThat(start.out()).contains("address: 127.0.0.1:" + PORT + " (the shard simulator; Cassandra itself on 127.0.0.1:" + (PORT + 1) + ")")
                .contains("shards:  4 (ignore_msb 12, cross-shard penalty 0 µs), shard-aware port " + SHARD_AWARE_PORT);
        ShardSimulatorProcess simulator = ShardSimulatorProcess.read(nodeDir).orElseThrow();
        assertThat(simulator.isRunning()).isTrue();
        assertThat(NodeRecord.read(nodeDir).orElseThrow().ownerPid()).as("the node outlives the command").isZero();

        // Clients reach Cassandra through the simulator, which tells them about shards.
        List<CqlProbe> clients = List.of(probe(PORT), probe(PORT), probe(SHARD_AWARE_PORT));
        try {
            Map<String, List<String>> supported = clients.get(0).options();
            assertThat(supported.get("SCYLLA_NR_SHARDS")).containsExactly("4");
            assertThat(supported.get("SCYLLA_SHARD_AWARE_PORT")).containsExactly(Integer.toString(SHARD_AWARE_PORT));
            assertThat(clients.get(0).queryValue("SELECT release_version FROM system.local WHERE key = 'local'")).asString().startsWith("5.0.");
            Thread.sleep(1500); // the simulator writes its counts every half second
            assertThat(ShardCountsFile.read(nodeDir).orElseThrow().connectionsPerShard().get(0).values().stream()
                    .mapToInt(Integer::intValue).sum()).isEqualTo(3);

            Run status = jsylla("node", "status");
            assertThat(status.exit()).as(status.out()).isZero();
            assertThat(status.out()).contains("Running.", "CQL:     answering, Cassandra 5.0.", "connections per shard: {0=",
                    "routed EXECUTEs: 0, shard misses: 0, non-replica: 0", "CQL via the simulator: answering on 127.0.0.1:" + PORT);
        } finally {
            clients.forEach(CqlProbe::close);
        }

        Run again = jsylla("node", "start", "--shards", "4");
        assertThat(again.out()).contains("Already running", "simulator pid: " + simulator.pid());

        Run stop = jsylla("node", "stop");
        assertThat(stop.exit()).as(stop.out()).isZero();
        assertThat(stop.out()).contains("Stopping the shard simulator, pid " + simulator.pid(), "Stopped.");
        assertThat(simulator.isRunning()).isFalse();
        assertThat(jsylla("node", "status").exit()).isEqualTo(3);
    }

    private static CqlProbe probe(int port) {
        return CqlProbe.connect(new InetSocketAddress("127.0.0.1", port), Duration.ofSeconds(10), null, null, null);
    }
}
