package io.jsylla.testkit;

import io.jsylla.testkit.internal.CassandraDistribution;
import io.jsylla.testkit.internal.GossipView;
import io.jsylla.testkit.internal.InitialTokens;
import io.jsylla.testkit.internal.JavaRuntimes;
import io.jsylla.testkit.internal.TlsGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Cassandra cluster of one or more nodes on this machine, each a separate JVM on
 * its own loopback address, started from the {@code cassandra-all} artifact of Maven Central.
 *
 * <pre>{@code
 * try (CassandraCluster cluster = CassandraCluster.builder().nodes(3).build().start()) {
 *     String contactPoint = cluster.contactPoint();   // "127.0.0.1:19042"
 *     cluster.node(2).kill();
 *     cluster.node(2).start();
 * }
 * }</pre>
 *
 * <p>{@link #start()} returns once every node answers a CQL handshake, every node sees every
 * other as up, and all agree on the schema. Nodes are stopped when the cluster is closed, when
 * this JVM exits, and (by a watchdog in each node) when this JVM dies without exiting.
 */
public final class CassandraCluster implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CassandraCluster.class);
    /** The superuser a cluster with password authentication starts with. */
    public static final String SUPERUSER = "cassandra";
    public static final String SUPERUSER_PASSWORD = "cassandra";
    private static final Set<Path> CLAIMED = ConcurrentHashMap.newKeySet();

    private final Settings settings;
    private final List<CassandraNode> nodes;
    private final Path directory;
    private volatile CassandraDistribution distribution;
    private volatile Path javaHome;
    private volatile TlsFiles tls;
    private volatile boolean claimed;

    private CassandraCluster(Settings settings) {
        this.settings = settings;
        this.directory = settings.baseDirectory().resolve(settings.name()).toAbsolutePath().normalize();
        List<CassandraNode> list = new ArrayList<>();
        Map<String, Integer> dcIndex = new LinkedHashMap<>();
        Map<String, Integer> dcSize = new LinkedHashMap<>();
        for (Placement p : settings.placements()) {
            dcIndex.putIfAbsent(p.datacenter(), dcIndex.size());
            dcSize.merge(p.datacenter(), 1, Integer::sum);
        }
        Map<String, Integer> seenInDc = new LinkedHashMap<>();
        for (int i = 0; i < settings.placements().size(); i++) {
            Placement p = settings.placements().get(i);
            int indexInDc = seenInDc.merge(p.datacenter(), 1, Integer::sum) - 1;
            // Each datacenter gets its own evenly spaced ring, offset a little from the others'.
            long offset = 100L * dcIndex.get(p.datacenter());
            List<Long> tokens = InitialTokens.forNode(indexInDc, dcSize.get(p.datacenter()), settings.numTokens())
                    .stream().map(t -> t + offset).toList();
            list.add(new CassandraNode(this, i + 1, settings.addressPrefix() + (i + 1), p.datacenter(), p.rack(),
                    tokens, directory.resolve("node" + (i + 1))));
        }
        this.nodes = List.copyOf(list);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts every node that is not running and waits until the cluster is ready. */
    public CassandraCluster start() {
        prepare();
        Instant deadline = Instant.now().plus(settings.startTimeout().multipliedBy(Math.max(1, nodes.size())));
        try {
            // Seeds first: other nodes give up if no seed answers their first gossip round.
            List<CassandraNode> seeds = nodes.stream().filter(n -> seeds().contains(n.storageEndpoint())).toList();
            List<CassandraNode> rest = nodes.stream().filter(n -> !seeds.contains(n)).toList();
            for (List<CassandraNode> wave : List.of(seeds, rest)) {
                List<CassandraNode> launched = new ArrayList<>();
                for (CassandraNode n : wave) {
                    if (!n.isRunning()) {
                        n.launch(distribution, javaHome);
                        launched.add(n);
                    }
                }
                for (CassandraNode n : launched) n.awaitCql(deadline);
            }
            awaitReady(deadline);
        } catch (RuntimeException e) {
            nodes.forEach(CassandraNode::kill);
            throw e;
        }
        log.info("Cassandra cluster '{}' ready: {}", settings.name(), nodes);
        return this;
    }

    /** Resolves Cassandra, a Java for it and TLS material; claims the cluster folder for this object. */
    synchronized void prepare() {
        if (!claimed) {
            if (!CLAIMED.add(directory)) {
                throw new IllegalStateException("Cluster folder " + directory
                        + " is in use by another CassandraCluster in this JVM; give this one another name(...)");
            }
            claimed = true;
        }
        if (distribution == null) distribution = CassandraDistribution.resolve(settings.cassandraVersion());
        if (javaHome == null) javaHome = JavaRuntimes.forCassandra(settings.javaHome());
        if (tls == null && settings.tlsMode() != TlsMode.OFF) {
            tls = TlsGenerator.generate(directory.resolve("tls"), nodes.stream().map(CassandraNode::host).toList());
        }
    }

    /** Waits until every running node sees every other running node as up and all agree on the schema. */
    public void awaitReady() {
        awaitReady(Instant.now().plus(settings.startTimeout()));
    }

    void awaitReady(Instant deadline) {
        String why = "";
        while (Instant.now().isBefore(deadline)) {
            why = notReadyReason();
            if (why.isEmpty()) return;
            CassandraNode.sleep(500);
        }
        throw new NodeStartException("Cluster '" + settings.name() + "' not ready in time: " + why
                + nodes.stream().filter(CassandraNode::isRunning).map(n -> n.logTail(15)).collect(Collectors.joining()), null);
    }

    /** Waits until every other running node's failure detector holds {@code node} down. */
    public void awaitSeenDown(CassandraNode node) {
        Instant deadline = Instant.now().plus(settings.startTimeout());
        while (Instant.now().isBefore(deadline)) {
            boolean allSee = true;
            for (CassandraNode n : running()) {
                if (n == node) continue;
                try {
                    allSee &= n.gossip().unreachable().contains(node.storageEndpoint());
                } catch (Exception e) {
                    allSee = false;
                }
            }
            if (allSee) return;
            CassandraNode.sleep(500);
        }
        throw new IllegalStateException("Nodes still see " + node + " up after " + settings.startTimeout().toSeconds() + " s");
    }

    private String notReadyReason() {
        List<CassandraNode> up = running();
        Set<String> expected = up.stream().map(CassandraNode::storageEndpoint).collect(Collectors.toSet());
        Set<Object> schemas = new LinkedHashSet<>();
        for (CassandraNode n : up) {
            try {
                GossipView view = n.gossip();
                if (!view.live().containsAll(expected)) return n + " sees only " + view.live() + " up";
                if (!"NORMAL".equals(view.operationMode())) return n + " is in mode " + view.operationMode();
            } catch (Exception e) {
                return "no JMX answer from " + n + ": " + e.getMessage();
            }
            try (CqlProbe probe = n.probe()) {
                schemas.add(probe.queryValue("SELECT schema_version FROM system.local WHERE key = 'local'"));
                // Drivers discover nodes through system.peers, which lags gossip a little.
                Set<String> peers = probe.query("SELECT peer FROM system.peers").stream()
                        .map(r -> ((InetAddress) r.get("peer")).getHostAddress()).collect(Collectors.toSet());
                for (CassandraNode other : up) {
                    if (other != n && !peers.contains(other.host())) return n + " does not list " + other.host() + " in system.peers yet";
                }
            } catch (RuntimeException e) {
                return "no CQL answer from " + n + ": " + e.getMessage();
            }
        }
        return schemas.size() <= 1 ? "" : "nodes disagree on the schema: " + schemas;
    }

    /** Stops every node gracefully. The cluster can be started again on the same data. */
    public void stop() {
        nodes.parallelStream().forEach(CassandraNode::stop);
    }

    /** Stops every node and releases the cluster folder. */
    @Override
    public void close() {
        stop();
        if (claimed) {
            CLAIMED.remove(directory);
            claimed = false;
        }
    }

    public List<CassandraNode> nodes() {
        return nodes;
    }

    /** Node by 1-based index, as in {@code 127.0.0.<index>}. */
    public CassandraNode node(int index) {
        if (index < 1 || index > nodes.size()) {
            throw new IllegalArgumentException("no node " + index + "; the cluster has nodes 1.." + nodes.size());
        }
        return nodes.get(index - 1);
    }

    public List<CassandraNode> running() {
        return nodes.stream().filter(CassandraNode::isRunning).toList();
    }

    /** CQL addresses of the running nodes. */
    public List<InetSocketAddress> contactPoints() {
        return running().stream().map(CassandraNode::address).toList();
    }

    /** {@code host:port} of the first running node, for a driver's contact point. */
    public String contactPoint() {
        return running().stream().findFirst().map(CassandraNode::contactPoint)
                .orElseThrow(() -> new IllegalStateException("no node of '" + settings.name() + "' is running"));
    }

    /** Storage endpoints of the seeds: the first node of each datacenter. */
    List<String> seeds() {
        Map<String, String> firstPerDc = new LinkedHashMap<>();
        for (CassandraNode n : nodes) firstPerDc.putIfAbsent(n.datacenter(), n.storageEndpoint());
        return List.copyOf(firstPerDc.values());
    }

    public Optional<TlsFiles> tls() {
        return Optional.ofNullable(tls);
    }

    public String name() {
        return settings.name();
    }

    public Path directory() {
        return directory;
    }

    public String cassandraVersion() {
        return settings.cassandraVersion();
    }

    public Settings settings() {
        return settings;
    }

    CassandraDistribution resolvedDistribution() {
        return distribution;
    }

    Path resolvedJavaHome() {
        return javaHome;
    }

    @Override
    public String toString() {
        return "CassandraCluster[" + settings.name() + ", " + nodes + "]";
    }

    /** Where one node sits. */
    public record Placement(String datacenter, String rack) {
        public Placement {
            Objects.requireNonNull(datacenter, "datacenter");
            Objects.requireNonNull(rack, "rack");
        }
    }

    /** A cluster's configuration, fixed when it is built. */
    public record Settings(String name, List<Placement> placements, String addressPrefix, int nativePort,
                           int storagePort, int jmxPort, String heap, int numTokens, boolean passwordAuthentication,
                           TlsMode tlsMode, Map<String, Object> yaml, List<String> jvmArgs, String cassandraVersion,
                           Path javaHome, Path baseDirectory, Duration startTimeout, boolean stopWithOwner,
                           boolean freshData) {}

    /** Builds a cluster; every option has a default fit for tests. */
    public static final class Builder {
        private String name = "jsylla-testkit";
        private int nodes = 1;
        private final List<Placement> placements = new ArrayList<>();
        private final Map<Integer, String> racks = new LinkedHashMap<>();
        private String addressPrefix = "127.0.0.";
        private int nativePort = 19042;
        private int storagePort = 17000;
        private int jmxPort = 17199;
        private String heap = "1g";
        private int numTokens = 16;
        private boolean passwordAuthentication;
        private TlsMode tlsMode = TlsMode.OFF;
        private final Map<String, Object> yaml = new LinkedHashMap<>();
        private final List<String> jvmArgs = new ArrayList<>();
        private String cassandraVersion = defaultCassandraVersion();
        private Path javaHome;
        private Path baseDirectory;
        private Duration startTimeout = Duration.ofMinutes(3);
        private boolean stopWithOwner = true;
        private boolean freshData = true;

        Builder() {}

        /** Cluster name; also the name of its folder. Default {@code jsylla-testkit}. */
        public Builder name(String name) {
            if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("cluster name must be letters, digits, '_', '.' or '-': " + name);
            }
            this.name = name;
            return this;
        }

        /** Number of nodes, all in datacenter {@code dc1}, rack {@code rack1}. Default 1. */
        public Builder nodes(int count) {
            if (count < 1 || count > 200) throw new IllegalArgumentException("nodes must be 1..200: " + count);
            this.nodes = count;
            this.placements.clear();
            return this;
        }

        /** Adds {@code count} nodes in datacenter {@code dc}; replaces {@link #nodes(int)}. */
        public Builder datacenter(String dc, int count) {
            if (count < 1) throw new IllegalArgumentException("a datacenter needs at least one node: " + dc);
            for (int i = 0; i < count; i++) placements.add(new Placement(dc, "rack1"));
            return this;
        }

        /** Puts node {@code index} (1-based) in {@code rack}. */
        public Builder rack(int index, String rack) {
            racks.put(index, Objects.requireNonNull(rack, "rack"));
            return this;
        }

        /** Nodes listen on this prefix plus their index. Default {@code 127.0.0.}. */
        public Builder addressPrefix(String prefix) {
            this.addressPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** CQL port of every node. Default 19042, away from a user's own node on 9042. */
        public Builder nativePort(int port) {
            this.nativePort = port(port, "nativePort");
            return this;
        }

        /** Inter-node port of every node. Default 17000. */
        public Builder storagePort(int port) {
            this.storagePort = port(port, "storagePort");
            return this;
        }

        /** JMX port of node 1 on 127.0.0.1; node n uses this plus n-1. Default 17199. */
        public Builder jmxPort(int port) {
            this.jmxPort = port(port, "jmxPort");
            return this;
        }

        /** Heap of each node's JVM, as {@code -Xmx} takes it. Default {@code 1g}. */
        public Builder heap(String heap) {
            if (heap == null || !heap.matches("\\d+[kKmMgG]?")) throw new IllegalArgumentException("heap like 512m or 1g: " + heap);
            this.heap = heap;
            return this;
        }

        /** Tokens per node ({@code num_tokens}). Default 16. */
        public Builder numTokens(int n) {
            if (n < 1 || n > 1536) throw new IllegalArgumentException("numTokens must be 1..1536: " + n);
            this.numTokens = n;
            return this;
        }

        /** Password authentication with the superuser {@code cassandra}/{@code cassandra}. */
        public Builder passwordAuthentication(boolean on) {
            this.passwordAuthentication = on;
            return this;
        }

        /** Client TLS on the CQL port, with key material the kit generates. Default {@link TlsMode#OFF}. */
        public Builder clientTls(TlsMode mode) {
            this.tlsMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** A {@code cassandra.yaml} setting that overrides the kit's own (maps and lists allowed). */
        public Builder yaml(String key, Object value) {
            yaml.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        /** An extra argument for every node's JVM. */
        public Builder jvmArg(String arg) {
            jvmArgs.add(Objects.requireNonNull(arg, "arg"));
            return this;
        }

        /** Cassandra release to start, from {@code org.apache.cassandra:cassandra-all}. */
        public Builder cassandraVersion(String version) {
            this.cassandraVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /** The Java (11 or 17) to run nodes on; found automatically when not given. */
        public Builder javaHome(Path home) {
            this.javaHome = home;
            return this;
        }

        /** Folder holding the cluster's folder; default {@code target/jsylla-testkit} of the build. */
        public Builder baseDirectory(Path dir) {
            this.baseDirectory = dir;
            return this;
        }

        /** How long one node may take to start. Default 3 minutes. */
        public Builder startTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("startTimeout: " + timeout);
            this.startTimeout = timeout;
            return this;
        }

        /**
         * Whether nodes end with this JVM (the default). A tool that starts a node for later
         * use (the CLI) turns this off.
         */
        public Builder stopWithOwner(boolean on) {
            this.stopWithOwner = on;
            return this;
        }

        /** Whether the first start wipes earlier data (the default) or keeps it. */
        public Builder freshData(boolean on) {
            this.freshData = on;
            return this;
        }

        public CassandraCluster build() {
            List<Placement> ps = new ArrayList<>(placements);
            if (ps.isEmpty()) for (int i = 0; i < nodes; i++) ps.add(new Placement("dc1", "rack1"));
            for (Map.Entry<Integer, String> r : racks.entrySet()) {
                int i = r.getKey();
                if (i < 1 || i > ps.size()) throw new IllegalArgumentException("rack(" + i + ", ...): no such node");
                ps.set(i - 1, new Placement(ps.get(i - 1).datacenter(), r.getValue()));
            }
            Path base = baseDirectory != null ? baseDirectory : defaultBaseDirectory();
            return new CassandraCluster(new Settings(name, List.copyOf(ps), addressPrefix, nativePort, storagePort,
                    jmxPort, heap, numTokens, passwordAuthentication, tlsMode, Map.copyOf(yaml), List.copyOf(jvmArgs),
                    cassandraVersion, javaHome, base, startTimeout, stopWithOwner, freshData));
        }

        private static int port(int port, String option) {
            if (port < 1 || port > 65535) throw new IllegalArgumentException(option + " must be 1..65535: " + port);
            return port;
        }
    }

    /** {@code target/jsylla-testkit} of the module under test (Maven's basedir), else of the working folder. */
    static Path defaultBaseDirectory() {
        String basedir = System.getProperty("basedir");
        Path root = basedir != null ? Path.of(basedir) : Path.of(System.getProperty("user.dir"));
        return root.resolve("target").resolve("jsylla-testkit");
    }

    static String defaultCassandraVersion() {
        Properties p = new Properties();
        try (InputStream in = CassandraCluster.class.getResourceAsStream("testkit.properties")) {
            if (in == null) throw new IllegalStateException("testkit.properties missing from the kit's jar");
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("cassandra.version");
    }
}
