package io.jsylla.cli;

import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.CqlProbe;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code jsylla demo}: uses the node at 127.0.0.1 on the local node's port, or starts the local
 * node for the length of the demo when none answers there.
 */
@Command(name = "demo", description = "Run the demo against a local node, starting one when none is running.",
        mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {
    @Mixin LocalNode local;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", local.port);
        CassandraCluster embedded = null;
        if (!answers(address)) {
            out.println("No node answers at " + address.getHostString() + ":" + address.getPort()
                    + "; starting an embedded Cassandra node for this demo...");
            out.flush();
            embedded = local.cluster(true).start();
        } else {
            out.println("Using the node at " + address.getHostString() + ":" + address.getPort() + ".");
        }
        try (CqlProbe cql = CqlProbe.connect(address, Duration.ofSeconds(10), null, null, null)) {
            runExamples(out, cql);
        } finally {
            if (embedded != null) {
                out.println("Stopping the embedded node...");
                out.flush();
                embedded.close();
            }
        }
        return 0;
    }

    private static boolean answers(InetSocketAddress address) {
        try (CqlProbe probe = CqlProbe.open(address, Duration.ofSeconds(2), null)) {
            probe.options();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void runExamples(PrintWriter out, CqlProbe cql) {
        out.println("Cassandra " + cql.queryValue("SELECT release_version FROM system.local WHERE key = 'local'"));
        cql.query("CREATE KEYSPACE IF NOT EXISTS jsylla_demo WITH replication = "
                + "{'class': 'SimpleStrategy', 'replication_factor': 1}");
        cql.query("CREATE TABLE IF NOT EXISTS jsylla_demo.users (id int PRIMARY KEY, name text, email text)");
        cql.query("INSERT INTO jsylla_demo.users (id, name, email) VALUES (1, 'Alice', 'alice@example.com')");
        cql.query("INSERT INTO jsylla_demo.users (id, name, email) VALUES (2, 'Bob', 'bob@example.com')");
        List<Map<String, Object>> rows = cql.query("SELECT id, name, email FROM jsylla_demo.users");
        out.println("jsylla_demo.users holds " + rows.size() + " rows:");
        for (Map<String, Object> row : rows) out.println("  " + row);
    }
}
