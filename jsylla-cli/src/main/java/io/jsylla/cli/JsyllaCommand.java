package io.jsylla.cli;

import io.jsylla.Jsylla;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code jsylla}: a local node, the demo, a CQL shell and the benchmark. */
@Command(name = "jsylla", mixinStandardHelpOptions = true, versionProvider = JsyllaCommand.Version.class,
        description = "jsylla, a Java driver for ScyllaDB and Apache Cassandra: tools.",
        subcommands = {NodeCommand.class, DemoCommand.class, CqlCommand.class, BenchCommand.class})
public final class JsyllaCommand {
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"jsylla " + Jsylla.version()};
        }
    }
}
