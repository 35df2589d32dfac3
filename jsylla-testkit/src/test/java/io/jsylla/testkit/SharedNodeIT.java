package io.jsylla.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsylla.testkit.junit.SharedCassandraNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCassandraNode.class)
class SharedNodeIT {

    @Test
    void answersTheCqlHandshakeWithWhatItSupports(CassandraNode node) {
        try (CqlProbe probe = CqlProbe.open(node.address(), java.time.Duration.ofSeconds(5), null)) {
            Map<String, List<String>> supported = probe.options();
            assertThat(supported).containsKeys("CQL_VERSION", "COMPRESSION", "PROTOCOL_VERSIONS");
            assertThat(supported.get("PROTOCOL_VERSIONS")).contains("4/v4", "5/v5");
            assertThat(supported.get("COMPRESSION")).contains("lz4", "snappy");
        }
    }

    @Test
    void runsTheConfiguredCassandraRelease(CassandraCluster cluster) {
        try (CqlProbe probe = cluster.node(1).probe()) {
            assertThat(probe.queryValue("SELECT release_version FROM system.local WHERE key = 'local'"))
                    .isEqualTo(cluster.cassandraVersion());
            assertThat(probe.query("SELECT peer FROM system.peers")).isEmpty();
        }
    }

    @Test
    void keepsDataAndLogsUnderTheBuildTargetFolder(CassandraNode node) {
        Path target = Path.of(System.getProperty("basedir", "."), "target").toAbsolutePath().normalize();
        assertThat(node.directory()).startsWith(target);
        assertThat(node.dataDirectory()).isDirectory();
        assertThat(node.logFile()).isRegularFile();
        assertThat(node.logTail(200)).contains("Starting listening for CQL clients");
        assertThat(node.pid()).isPresent();
        assertThat(node.pid().getAsLong()).isNotEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void writesAndReadsBackThroughCql(CassandraNode node) {
        try (CqlProbe probe = node.probe()) {
            probe.query("CREATE KEYSPACE IF NOT EXISTS kit WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
            probe.query("CREATE TABLE IF NOT EXISTS kit.t (k int PRIMARY KEY, v text, s set<text>)");
            probe.query("INSERT INTO kit.t (k, v, s) VALUES (7, 'seven', {'a', 'b'})");
            List<Map<String, Object>> rows = probe.query("SELECT k, v, s FROM kit.t WHERE k = 7");
            assertThat(rows).containsExactly(Map.of("k", 7, "v", "seven", "s", java.util.Set.of("a", "b")));
            assertThatThrownBy(() -> probe.query("SELEC nonsense"))
                    .isInstanceOf(CqlProbe.CqlProbeException.class)
                    .satisfies(e -> assertThat(((CqlProbe.CqlProbeException) e).code()).isEqualTo(0x2000));
        }
    }

    @Test
    void keepsCassandraOffTheTestClasspath() {
        assertThatThrownBy(() -> Class.forName("org.apache.cassandra.service.CassandraDaemon"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(System.getProperty("java.class.path")).doesNotContain("cassandra-all");
    }

    @Test
    void recordsTheNodeInItsFolderForOtherProcesses(CassandraNode node) {
        NodeRecord record = NodeRecord.read(node.directory()).orElseThrow();
        assertThat(record.pid()).isEqualTo(node.pid().getAsLong());
        assertThat(record.ownerPid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(record.isRunning()).isTrue();
        assertThat(record.address()).isEqualTo(node.address());
        assertThat(Files.isRegularFile(node.directory().resolve("conf/cassandra.yaml"))).isTrue();
    }
}
