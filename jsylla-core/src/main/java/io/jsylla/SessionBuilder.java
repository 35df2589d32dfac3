package io.jsylla;

import io.jsylla.internal.session.DefaultSession;
import io.jsylla.internal.pool.ShardAwareness;
import io.jsylla.internal.session.SessionConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import io.jsylla.policies.AddressTranslator;
import io.jsylla.policies.DefaultLoadBalancingPolicy;
import io.jsylla.policies.LoadBalancingPolicy;
import io.jsylla.policies.ReconnectionPolicy;
import io.jsylla.policies.RetryPolicies;
import io.jsylla.policies.RetryPolicy;
import io.jsylla.policies.SpeculativeExecutionPolicy;
import io.jsylla.policies.TimestampGenerator;
import io.jsylla.policies.TimestampGenerators;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.SSLContext;

/**
 * Configures and builds a {@link Session}. Every option has a default; each setter checks its
 * value at once and names the option when refusing it.
 */
public final class SessionBuilder {
    private final List<String> contactPoints = new ArrayList<>();
    private String keyspace;
    private Duration connectionTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(12);
    private int poolSize = 1;
    private boolean shardAwareness = ShardAwareness.DEFAULT.enabled();
    private java.net.InetAddress localAddress;
    private int localPortLow = ShardAwareness.DEFAULT.portLow();
    private int localPortHigh = ShardAwareness.DEFAULT.portHigh();
    private AuthProvider authProvider;
    private Compression compression = Compression.NONE;
    private boolean tcpNodelay = true;
    private Duration tcpKeepalive;
    private String localDatacenter;
    private Integer protocolVersion;
    private Consistency consistency = Consistency.LOCAL_ONE;
    private Consistency serialConsistency = Consistency.SERIAL;
    private int pageSize = 5000;
    private Duration heartbeatInterval = Duration.ofSeconds(30);
    private Duration idleTimeout = Duration.ofSeconds(60);
    private int maxRequestsPerConnection = 32768;
    private int preparedCacheSize = 1000;
    private Duration schemaAgreementTimeout = Duration.ofSeconds(10);
    private boolean awaitSchemaAgreementAfterChange = true;
    private SSLContext sslContext;
    private boolean hostnameVerification = true;
    private int ioThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private final Map<String, ExecutionProfile> profiles = new LinkedHashMap<>();
    private LoadBalancingPolicy loadBalancingPolicy;
    private RetryPolicy retryPolicy;
    private SpeculativeExecutionPolicy speculativeExecutionPolicy = SpeculativeExecutionPolicy.NONE;
    private ReconnectionPolicy reconnectionPolicy = ReconnectionPolicy.defaultPolicy();
    private TimestampGenerator timestampGenerator;
    private AddressTranslator addressTranslator = AddressTranslator.IDENTITY;
    private boolean schemaMetadata = true;
    private final Set<String> schemaKeyspaces = new LinkedHashSet<>();

    public SessionBuilder() {}

    public static SessionBuilder create() {
        return new SessionBuilder();
    }

    /** A contact point, {@code "host:port"} ({@code "host"} means port 9042; IPv6 as {@code "[::1]:9042"}). */
    public SessionBuilder knownNode(String hostPort) {
        SessionConfig.parseContactPoint(hostPort); // refuse a malformed one now, naming it
        contactPoints.add(hostPort);
        return this;
    }

    public SessionBuilder knownNode(InetSocketAddress address) {
        Objects.requireNonNull(address, "address");
        return knownNode(address.getHostString() + ":" + address.getPort());
    }

    public SessionBuilder knownNodes(List<String> hostPorts) {
        Objects.requireNonNull(hostPorts, "knownNodes").forEach(this::knownNode);
        return this;
    }

    /** The keyspace every connection uses; {@code caseSensitive} quotes it, else it is lower-cased. */
    public SessionBuilder useKeyspace(String keyspace, boolean caseSensitive) {
        this.keyspace = CqlIdentifiers.fromUser(keyspace, caseSensitive);
        return this;
    }

    /** Time to open a connection, TLS and CQL handshake included. Default 5 s. */
    public SessionBuilder connectionTimeout(Duration timeout) {
        this.connectionTimeout = positive(timeout, "connectionTimeout");
        return this;
    }

    public SessionBuilder connectionTimeout(long millis) {
        return connectionTimeout(Duration.ofMillis(millis));
    }

    /** Default time a request may take, retries included. Default 12 s. */
    public SessionBuilder requestTimeout(Duration timeout) {
        this.requestTimeout = positive(timeout, "requestTimeout");
        return this;
    }

    /** Connections per node (per shard on ScyllaDB). Default 1: one connection carries thousands of requests. */
    public SessionBuilder poolSize(int size) {
        if (size < 1) throw new IllegalArgumentException("poolSize must be at least 1: " + size);
        this.poolSize = size;
        return this;
    }

    /**
     * Whether to use ScyllaDB's shards (on by default; Cassandra has none, and nothing changes
     * there): {@link #poolSize} connections per shard of each node, opened through the node's
     * shard-aware port when it has one, and each request sent on a connection of the shard that
     * owns its token. Off, a ScyllaDB node is used like a Cassandra node.
     */
    public SessionBuilder shardAwareness(boolean on) {
        this.shardAwareness = on;
        return this;
    }

    /**
     * The local ports connections to ScyllaDB's shard-aware port are made from: the node gives a
     * connection the shard {@code port % shards}, so the driver picks ports in the range to reach
     * each shard, moving on when one is taken. Default 49152-65535; within 1024-65535.
     */
    public SessionBuilder localPortRange(int low, int high) {
        if (low < 1024 || high > 65535 || low > high) {
            throw new IllegalArgumentException("localPortRange(" + low + ", " + high
                    + "): the ports must lie within 1024-65535, low <= high");
        }
        if (high - low < 63) {
            throw new IllegalArgumentException("localPortRange(" + low + ", " + high + "): " + (high - low + 1)
                    + " ports are too few to reach every shard of a large node; give at least 64");
        }
        this.localPortLow = low;
        this.localPortHigh = high;
        return this;
    }

    /** The local address connections are made from (default: any), e.g. to pick a network interface. */
    public SessionBuilder localAddress(java.net.InetAddress address) {
        this.localAddress = java.util.Objects.requireNonNull(address, "localAddress");
        return this;
    }

    /** SASL PLAIN credentials (password authentication). The password is never logged. */
    public SessionBuilder user(String user, String password) {
        this.authProvider = AuthProvider.plainText(user, password);
        return this;
    }

    public SessionBuilder authProvider(AuthProvider provider) {
        this.authProvider = Objects.requireNonNull(provider, "authProvider");
        return this;
    }

    /** Compression of traffic: {@link Compression#LZ4} (v4 and v5) or {@link Compression#SNAPPY} (v4 only). */
    public SessionBuilder compression(Compression compression) {
        this.compression = Objects.requireNonNull(compression, "compression");
        return this;
    }

    public SessionBuilder tcpNodelay(boolean on) {
        this.tcpNodelay = on;
        return this;
    }

    /** TCP keepalive on connections; null disables it. The interval is the operating system's. */
    public SessionBuilder tcpKeepalive(Duration interval) {
        this.tcpKeepalive = interval == null ? null : positive(interval, "tcpKeepalive");
        return this;
    }

    /** The datacenter to prefer; by default the contact points' datacenter. */
    public SessionBuilder localDatacenter(String datacenter) {
        this.localDatacenter = Objects.requireNonNull(datacenter, "localDatacenter");
        return this;
    }

    /** Pins the protocol version (4 or 5); by default the newest both sides speak. */
    public SessionBuilder protocolVersion(int version) {
        if (version != 4 && version != 5) throw new IllegalArgumentException("protocolVersion must be 4 or 5: " + version);
        this.protocolVersion = version;
        return this;
    }

    /** Default consistency. Default LOCAL_ONE. */
    public SessionBuilder consistency(Consistency c) {
        StatementOptions.DEFAULTS.withConsistency(Objects.requireNonNull(c, "consistency"));
        this.consistency = c;
        return this;
    }

    /** Default serial consistency of conditional updates. Default SERIAL. */
    public SessionBuilder serialConsistency(Consistency c) {
        StatementOptions.DEFAULTS.withSerialConsistency(Objects.requireNonNull(c, "serialConsistency"));
        this.serialConsistency = c;
        return this;
    }

    /** Default rows per page. Default 5000. */
    public SessionBuilder pageSize(int size) {
        if (size < 1) throw new IllegalArgumentException("pageSize must be at least 1: " + size);
        this.pageSize = size;
        return this;
    }

    /** An OPTIONS heartbeat on connections idle this long. Default 30 s. */
    public SessionBuilder heartbeatInterval(Duration interval) {
        this.heartbeatInterval = positive(interval, "heartbeatInterval");
        return this;
    }

    /** A connection that received nothing for this long (heartbeats unanswered) is closed. Default 60 s. */
    public SessionBuilder idleTimeout(Duration timeout) {
        this.idleTimeout = positive(timeout, "idleTimeout");
        return this;
    }

    /** Requests in flight per connection, up to 32768 (the protocol's stream ids). */
    public SessionBuilder maxRequestsPerConnection(int max) {
        if (max < 2 || max > 32768) throw new IllegalArgumentException("maxRequestsPerConnection must be 2..32768: " + max);
        this.maxRequestsPerConnection = max;
        return this;
    }

    /** Statements prepared transparently are cached, least recently used out first. Default 1000. */
    public SessionBuilder preparedStatementCacheSize(int size) {
        if (size < 1) throw new IllegalArgumentException("preparedStatementCacheSize must be at least 1: " + size);
        this.preparedCacheSize = size;
        return this;
    }

    /** How long {@link Session#awaitSchemaAgreement()} waits. Default 10 s. */
    public SessionBuilder schemaAgreementTimeout(Duration timeout) {
        this.schemaAgreementTimeout = positive(timeout, "schemaAgreementTimeout");
        return this;
    }

    /** Whether a schema-changing statement returns only once the nodes agree on the schema. Default true. */
    public SessionBuilder awaitSchemaAgreementAfterChange(boolean on) {
        this.awaitSchemaAgreementAfterChange = on;
        return this;
    }

    /** TLS with this context (its trust material decides which nodes are trusted). */
    public SessionBuilder sslContext(SSLContext context) {
        this.sslContext = Objects.requireNonNull(context, "sslContext");
        return this;
    }

    /** Whether TLS checks that a node's certificate names its address. Default true. */
    public SessionBuilder hostnameVerification(boolean on) {
        this.hostnameVerification = on;
        return this;
    }

    /** Threads for network I/O. Default: the number of processors. */
    public SessionBuilder ioThreads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("ioThreads must be at least 1: " + threads);
        this.ioThreads = threads;
        return this;
    }

    /** Named defaults a statement can pick with {@link Statement#withExecutionProfile}. */
    public SessionBuilder executionProfile(String name, ExecutionProfile profile) {
        profiles.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(profile, "profile"));
        return this;
    }

    /**
     * Which nodes a request tries, in which order. Default: {@link DefaultLoadBalancingPolicy}
     * (token-aware, local datacenter first, rack-aware when given a rack, no remote failover).
     */
    public SessionBuilder loadBalancingPolicy(LoadBalancingPolicy policy) {
        this.loadBalancingPolicy = Objects.requireNonNull(policy, "loadBalancingPolicy");
        return this;
    }

    /** When a failed attempt is retried. Default: {@link RetryPolicies#defaultPolicy()}. */
    public SessionBuilder retryPolicy(RetryPolicy policy) {
        this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
        return this;
    }

    /** When a slow idempotent request also runs on the next node. Default: never. */
    public SessionBuilder speculativeExecutionPolicy(SpeculativeExecutionPolicy policy) {
        this.speculativeExecutionPolicy = Objects.requireNonNull(policy, "speculativeExecutionPolicy");
        return this;
    }

    /** Delays between reconnection attempts. Default: exponential from 1 s to 60 s, with jitter. */
    public SessionBuilder reconnectionPolicy(ReconnectionPolicy policy) {
        this.reconnectionPolicy = Objects.requireNonNull(policy, "reconnectionPolicy");
        return this;
    }

    /** Write timestamps. Default: {@link TimestampGenerators#monotonic()} (client side, strictly increasing). */
    public SessionBuilder timestampGenerator(TimestampGenerator generator) {
        this.timestampGenerator = Objects.requireNonNull(generator, "timestampGenerator");
        return this;
    }

    /** Maps the addresses nodes advertise to the ones to connect to (NAT, cloud). Default: none. */
    public SessionBuilder addressTranslator(AddressTranslator translator) {
        this.addressTranslator = Objects.requireNonNull(translator, "addressTranslator");
        return this;
    }

    /** Whether the session reads the schema (default true); off makes connecting faster but leaves {@link ClusterData} without keyspaces. */
    public SessionBuilder schemaMetadata(boolean on) {
        this.schemaMetadata = on;
        return this;
    }

    /** Reads the schema of these keyspaces only (all by default); token-aware routing needs the keyspaces it routes for. */
    public SessionBuilder schemaKeyspaces(java.util.Collection<String> keyspaces) {
        for (String k : Objects.requireNonNull(keyspaces, "schemaKeyspaces")) schemaKeyspaces.add(Objects.requireNonNull(k));
        return this;
    }

    /** Connects: resolves contact points, opens the control connection and the pools. */
    public Session build() {
        return io.jsylla.internal.connection.Blocking.get(buildAsync(), "build");
    }

    public CompletionStage<Session> buildAsync() {
        if (contactPoints.isEmpty()) throw new IllegalArgumentException("no contact point: call knownNode(\"host:port\")");
        if (compression == Compression.SNAPPY && Integer.valueOf(5).equals(protocolVersion)) {
            throw new IllegalArgumentException("compression SNAPPY is not available on protocol v5 (which compresses with LZ4)");
        }
        return DefaultSession.connect(new SessionConfig(List.copyOf(contactPoints), keyspace, connectionTimeout,
                requestTimeout, poolSize, authProvider, compression, tcpNodelay, tcpKeepalive, localDatacenter,
                protocolVersion, consistency, serialConsistency, pageSize, heartbeatInterval, idleTimeout,
                maxRequestsPerConnection, preparedCacheSize, schemaAgreementTimeout, awaitSchemaAgreementAfterChange,
                sslContext, hostnameVerification, ioThreads, Map.copyOf(profiles),
                loadBalancingPolicy != null ? loadBalancingPolicy : DefaultLoadBalancingPolicy.builder().build(),
                retryPolicy != null ? retryPolicy : RetryPolicies.defaultPolicy(), speculativeExecutionPolicy,
                reconnectionPolicy, timestampGenerator != null ? timestampGenerator : TimestampGenerators.monotonic(),
                addressTranslator, schemaMetadata, Set.copyOf(schemaKeyspaces),
                new ShardAwareness(shardAwareness, localAddress, localPortLow, localPortHigh)));
    }

    private static Duration positive(Duration d, String option) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(option + " must be positive: " + d);
        return d;
    }

    @Override
    public String toString() {
        return "SessionBuilder[contactPoints=" + contactPoints + ", keyspace=" + keyspace + ", poolSize=" + poolSize
                + ", compression=" + compression + ", auth=" + authProvider + "]";
    }
}
