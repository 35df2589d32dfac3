package io.jsylla.testkit.scylla.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.junit.SharedCassandraNode;
import io.jsylla.testkit.scylla.ShardSimulator;
import io.jsylla.testkit.scylla.ShardSimulatorOptions;
import io.jsylla.testkit.scylla.SimulatedNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A cross-check by a client that owes nothing to this project: Debian's Python driver, which is
 * not shard-aware (it routes to nodes, not shards), works through the simulator, and the
 * simulator counts its shard misses. The shard-aware ITs expect near-zero misses; this one proves
 * that zero is earned, not what the counting gives anyway.
 */
@ExtendWith(SharedCassandraNode.class)
class ShardSimulatorPythonIT {
    private static final int SHARDS = 8;
    private static final int ROWS = 200;

    private static ShardSimulator scylla;

    @BeforeAll
    static void start(CassandraCluster node) {
        scylla = ShardSimulator.front(node, ShardSimulatorOptions.defaults().shards(SHARDS));
    }

    @AfterAll
    static void stop() {
        if (scylla != null) scylla.close();
    }

    @Test
    void theNonShardAwarePythonDriverWorksThroughTheSimulatorAndMissesShards() throws Exception {
        PythonDriver python = PythonDriver.locate(Path.of("target", "python-through-simulator"));
        SimulatedNode node = scylla.node(1);
        List<String> out = python.run("through_simulator.py", node.address().getAddress().getHostAddress(),
                Integer.toString(node.address().getPort()), Integer.toString(ROWS));
        System.out.println("Python driver: " + out + "; " + node.stats());
        assertThat(out).contains("written " + ROWS, "read " + ROWS);
        // Every prepared write and read was judged, and a client blind to shards lands on the wrong one most of the time.
        assertThat(scylla.routedRequests()).isEqualTo(2L * ROWS);
        assertThat(scylla.shardMisses()).isPositive().isGreaterThan(scylla.routedRequests() / 2).isLessThan(scylla.routedRequests());
        assertThat(node.stats().shardAwarePortConnections()).isZero();
    }
}
