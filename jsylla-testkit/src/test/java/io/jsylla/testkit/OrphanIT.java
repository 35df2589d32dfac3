package io.jsylla.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** No orphans: a node outlives neither a SIGKILLed owner nor, as a stale leftover, the next run. */
class OrphanIT {

    static CassandraCluster.Builder node(String name) {
        return CassandraCluster.builder().name(name).nativePort(19642).storagePort(17600).jmxPort(17799)
                .baseDirectory(Path.of(System.getProperty("basedir", "."), "target", "jsylla-testkit"));
    }

    @Test
    void aNodeHaltsWhenItsOwnerIsKilled() throws Exception {
        Process owner = startOwner("orphan-watchdog", true);
        long nodePid = awaitNodePid(owner);
        owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(awaitGone(nodePid, Duration.ofSeconds(30))).as("node %d halted after its owner died", nodePid).isTrue();
    }

    @Test
    void aStaleNodeFromACrashedRunIsKilledNotReused() throws Exception {
        Process owner = startOwner("orphan-stale", false);
        long stalePid = awaitNodePid(owner);
        owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Thread.sleep(2000);
        assertThat(ProcessHandle.of(stalePid).map(ProcessHandle::isAlive).orElse(false))
                .as("a detached node outlives its owner").isTrue();
        try (CassandraCluster cluster = node("orphan-stale").build().start()) {
            assertThat(ProcessHandle.of(stalePid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(cluster.node(1).pid().getAsLong()).isNotEqualTo(stalePid);
            try (CqlProbe probe = cluster.node(1).probe()) {
                assertThat(probe.options()).containsKey("CQL_VERSION");
            }
        } finally {
            ProcessHandle.of(stalePid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static Process startOwner(String name, boolean stopWithOwner) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dbasedir=" + System.getProperty("basedir", "."),
                "-Dmaven.home=" + System.getProperty("maven.home", ""),
                OrphanChild.class.getName(), name, Boolean.toString(stopWithOwner));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static long awaitNodePid(Process owner) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("NODE-PID ")) {
                long pid = Long.parseLong(line.substring(9).trim());
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (java.io.IOException ignored) {
                        // the owner is gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return pid;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("owner exited before starting its node:\n" + seen);
    }

    private static boolean awaitGone(long pid, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) return true;
            Thread.sleep(200);
        }
        return false;
    }
}
