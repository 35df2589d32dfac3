package io.jsylla.cli;

import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.NodeRecord;
import io.jsylla.testkit.scylla.ShardSimulatorProcess;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Options naming the one local node the CLI manages, in a well-known folder
 * ({@code ~/.jsylla/local/node1} unless told otherwise).
 */
final class LocalNode {
    static final String NAME = "local";

    @Option(names = "--dir", description = "Folder holding the node's folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:JSYLLA_HOME:-${sys:user.home}/.jsylla}")
    Path base;

    @Option(names = "--port", description = "CQL port (default: ${DEFAULT-VALUE}).", defaultValue = "9042")
    int port;

    @Option(names = "--storage-port", description = "Inter-node port (default: ${DEFAULT-VALUE}).", defaultValue = "17950")
    int storagePort;

    @Option(names = "--jmx-port", description = "JMX port on 127.0.0.1 (default: ${DEFAULT-VALUE}).", defaultValue = "17951")
    int jmxPort;

    @Option(names = "--heap", description = "Heap of the node's JVM (default: ${DEFAULT-VALUE}).", defaultValue = "1g")
    String heap;

    Path nodeDirectory() {
        return base.resolve(NAME).resolve("node1").toAbsolutePath().normalize();
    }

    /** The shard simulator in front of the node, when one runs. */
    Optional<ShardSimulatorProcess> simulator() {
        return ShardSimulatorProcess.read(nodeDirectory()).filter(ShardSimulatorProcess::isRunning);
    }

    Optional<NodeRecord> record() {
        return NodeRecord.read(nodeDirectory()).filter(NodeRecord::isRunning);
    }

    /** The node as the kit builds it: its data kept across starts. */
    CassandraCluster cluster(boolean stopWithOwner) {
        return cluster(stopWithOwner, port);
    }

    /** The node on another CQL port: behind the shard simulator, which takes {@link #port} itself. */
    CassandraCluster cluster(boolean stopWithOwner, int nativePort) {
        return CassandraCluster.builder().name(NAME).baseDirectory(base).nativePort(nativePort).storagePort(storagePort)
                .jmxPort(jmxPort).heap(heap).freshData(false).stopWithOwner(stopWithOwner).build();
    }
}
