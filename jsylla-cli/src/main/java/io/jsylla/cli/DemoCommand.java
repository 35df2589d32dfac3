package io.jsylla.cli;

import io.jsylla.examples.Examples;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.CqlProbe;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.time.Duration;
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
        try {
            PrintStream stream = new PrintStream(new WriterOutputStream(out), true, StandardCharsets.UTF_8);
            Examples.runAll(address.getHostString() + ":" + address.getPort(), stream);
            stream.flush();
            out.println();
            out.println("All " + Examples.all().size() + " examples ran against Cassandra at " + address.getHostString() + ":" + address.getPort() + ".");
        } catch (Exception e) {
            out.println("Example failed: " + e);
            return 1;
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
}
