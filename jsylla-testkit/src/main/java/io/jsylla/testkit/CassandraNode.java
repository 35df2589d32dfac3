package io.jsylla.testkit;

import io.jsylla.testkit.internal.CassandraDistribution;
import io.jsylla.testkit.internal.GossipView;
import io.jsylla.testkit.internal.JavaRuntimes;
import io.jsylla.testkit.internal.LogTail;
import io.jsylla.testkit.internal.NodeConfig;
import io.jsylla.testkit.internal.NodeLauncher;
import io.jsylla.testkit.internal.NodeLayout;
import io.jsylla.testkit.internal.NodeReaper;
import io.jsylla.testkit.internal.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Cassandra node of a {@link CassandraCluster}: a separate JVM process on its own loopback
 * address ({@code 127.0.0.<index>} by default), with its data and logs in its own folder.
 */
public final class CassandraNode {
    private static final Logger log = LoggerFactory.getLogger(CassandraNode.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final CassandraCluster cluster;
    private final int index;
    private final String host;
    private final String datacenter;
    private final String rack;
    private final List<Long> tokens;
    private final NodeLayout layout;
    private volatile Process process;
    private volatile boolean launchedBefore;

    CassandraNode(CassandraCluster cluster, int index, String host, String datacenter, String rack,
                  List<Long> tokens, Path directory) {
        this.cluster = cluster;
        this.index = index;
        this.host = host;
        this.datacenter = datacenter;
        this.rack = rack;
        this.tokens = List.copyOf(tokens);
        this.layout = new NodeLayout(directory);
    }

    /** 1-based position in the cluster. */
    public int index() {
        return index;
    }

    public String host() {
        return host;
    }

    /** The CQL address clients connect to. */
    public InetSocketAddress address() {
        return new InetSocketAddress(host, cluster.settings().nativePort());
    }

    /** {@code host:port} of the CQL address, the form drivers take as a contact point. */
    public String contactPoint() {
        return host + ":" + cluster.settings().nativePort();
    }

    /** {@code host:port} on which nodes talk to each other, as gossip names this node. */
    public String storageEndpoint() {
        return host + ":" + cluster.settings().storagePort();
    }

    public int jmxPort() {
        return cluster.settings().jmxPort() + index - 1;
    }

    public String datacenter() {
        return datacenter;
    }

    public String rack() {
        return rack;
    }

    /** The tokens this node was given at its first start. */
    public List<Long> tokens() {
        return tokens;
    }

    public Path directory() {
        return layout.directory();
    }

    public Path dataDirectory() {
        return layout.data();
    }

    /** Cassandra's {@code system.log}; the JVM's own output is beside it in {@code stdout.log}. */
    public Path logFile() {
        return layout.systemLog();
    }

    public OptionalLong pid() {
        Process p = process;
        return p == null ? OptionalLong.empty() : OptionalLong.of(p.pid());
    }

    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Starts the node again on its existing data and waits until the cluster sees it up. */
    public synchronized void start() {
        if (isRunning()) return;
        cluster.prepare();
        launch(cluster.resolvedDistribution(), cluster.resolvedJavaHome());
        Instant deadline = Instant.now().plus(cluster.settings().startTimeout());
        awaitCql(deadline);
        cluster.awaitReady(deadline);
    }

    /** Stops the node gracefully: SIGTERM, so Cassandra drains, then SIGKILL after a minute. */
    public synchronized void stop() {
        Process p = process;
        if (p == null) return;
        p.destroy();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                log.warn("Node {} did not stop within 60 s; killing it", host);
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        NodeReaper.release(p);
    }

    /** Kills the node at once (SIGKILL), as a crash would, and waits for the process to be gone. */
    public synchronized void kill() {
        Process p = process;
        if (p == null) return;
        p.destroyForcibly();
        try {
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        NodeReaper.release(p);
    }

    /** A new probe connection, logged in as the superuser when authentication is on. */
    public CqlProbe probe() {
        CassandraCluster.Settings s = cluster.settings();
        return CqlProbe.connect(address(), PROBE_TIMEOUT, cluster.tls().map(TlsFiles::clientContext).orElse(null),
                s.passwordAuthentication() ? CassandraCluster.SUPERUSER : null,
                s.passwordAuthentication() ? CassandraCluster.SUPERUSER_PASSWORD : null);
    }

    /** How this node's failure detector sees the cluster. */
    public GossipView gossip() throws Exception {
        return GossipView.read(jmxPort(), 10_000);
    }

    /** The last lines of the node's logs, for failure messages. */
    public String logTail(int lines) {
        return LogTail.quote(lines, layout.systemLog(), layout.stdoutLog());
    }

    void launch(CassandraDistribution distribution, Path javaHome) {
        CassandraCluster.Settings s = cluster.settings();
        cleanUpStaleProcess();
        if (!launchedBefore && s.freshData()) layout.wipe();
        Ports.requireFree(host, s.nativePort(), "node " + index + " native_transport_port", "nativePort(...)");
        Ports.requireFree(host, s.storagePort(), "node " + index + " storage_port", "storagePort(...)");
        Ports.requireFree("127.0.0.1", jmxPort(), "node " + index + " JMX port", "jmxPort(...)");

        long owner = s.stopWithOwner() ? ProcessHandle.current().pid() : 0;
        NodeConfig config = new NodeConfig(layout, s.name(), host, s.nativePort(), s.storagePort(), jmxPort(),
                datacenter, rack, tokens, cluster.seeds(), s.passwordAuthentication(), s.tlsMode(),
                cluster.tls().orElse(null), s.heap(), s.yaml(), s.jvmArgs(), owner);
        Path argFile = config.write(distribution.jars(), distribution.jammAgent().orElse(null));
        ProcessBuilder pb = new ProcessBuilder(JavaRuntimes.javaExecutable(javaHome).toString(),
                "-D" + NodeLauncher.NODE_PROPERTY + "=" + layout.directory(), "@" + argFile,
                NodeLauncher.class.getName())
                .directory(layout.directory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.stdoutLog().toFile()));
        pb.environment().put("JAVA_HOME", javaHome.toString());
        try {
            Process p = pb.start();
            p.getOutputStream().close(); // the node reads nothing from us
            if (owner != 0) NodeReaper.own(p);
            process = p;
            launchedBefore = true;
            new NodeRecord(p.pid(), owner, host, s.nativePort(), layout.directory(), layout.data(),
                    layout.systemLog(), Instant.now()).write();
            log.info("Started Cassandra {} node {} ({} {}/{}) pid {}, logs in {}", distribution.version(),
                    contactPoint(), s.name(), datacenter, rack, p.pid(), layout.logs());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch node " + host + " with " + javaHome, e);
        }
    }

    /**
     * A node left running in this folder by an earlier run whose owner is gone: kill it rather
     * than reuse it, since nothing says what state it is in.
     */
    private void cleanUpStaleProcess() {
        Optional<NodeRecord> record = NodeRecord.read(layout.directory());
        if (record.isEmpty() || !record.get().isRunning()) return;
        NodeRecord r = record.get();
        long self = ProcessHandle.current().pid();
        if (r.hasLiveOwner() && r.ownerPid() != self) {
            throw new IllegalStateException("Node folder " + layout.directory() + " is in use by node pid "
                    + r.pid() + ", owned by live process " + r.ownerPid() + "; use another baseDirectory(...) or name(...)");
        }
        Process mine = process;
        if (mine != null && mine.pid() == r.pid()) return;
        log.warn("Killing stale Cassandra node pid {} left in {} by an earlier run (owner {} is gone)",
                r.pid(), layout.directory(), r.ownerPid() == 0 ? "none" : r.ownerPid());
        r.kill();
    }

    /** Waits until the node answers the CQL handshake (and a login, with authentication on). */
    void awaitCql(Instant deadline) {
        Throwable last = null;
        while (Instant.now().isBefore(deadline)) {
            Process p = process;
            if (p == null || !p.isAlive()) {
                throw new NodeStartException("Node " + index + " (" + contactPoint() + ") exited during start"
                        + (p == null ? "" : " with code " + p.exitValue()) + logTail(40), last);
            }
            try (CqlProbe probe = probe()) {
                return;
            } catch (RuntimeException e) {
                last = e;
            }
            sleep(250);
        }
        throw new NodeStartException("Node " + index + " (" + contactPoint() + ") did not answer CQL within "
                + cluster.settings().startTimeout().toSeconds() + " s; last attempt: " + last + logTail(40), last);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a Cassandra node", e);
        }
    }

    @Override
    public String toString() {
        return "node" + index + "[" + contactPoint() + " " + datacenter + "/" + rack
                + (isRunning() ? " pid " + process.pid() : " not running") + "]";
    }
}
