package io.jsylla.internal.session;

import io.jsylla.AuthProvider;
import io.jsylla.Compression;
import io.jsylla.Consistency;
import io.jsylla.ExecutionProfile;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.jsylla.policies.AddressTranslator;
import io.jsylla.policies.LoadBalancingPolicy;
import io.jsylla.policies.ReconnectionPolicy;
import io.jsylla.policies.RetryPolicy;
import io.jsylla.policies.SpeculativeExecutionPolicy;
import io.jsylla.policies.TimestampGenerator;
import javax.net.ssl.SSLContext;

/** A session's configuration as the builder fixed it. */
public record SessionConfig(List<String> contactPoints, String keyspace, Duration connectionTimeout,
                            Duration requestTimeout, int poolSize, AuthProvider authProvider, Compression compression,
                            boolean tcpNodelay, Duration tcpKeepalive, String localDatacenter, Integer protocolVersion,
                            Consistency consistency, Consistency serialConsistency, int pageSize,
                            Duration heartbeatInterval, Duration idleTimeout, int maxRequestsPerConnection,
                            int preparedCacheSize, Duration schemaAgreementTimeout,
                            boolean awaitSchemaAgreementAfterChange, SSLContext sslContext,
                            boolean hostnameVerification, int ioThreads, Map<String, ExecutionProfile> profiles,
                            LoadBalancingPolicy loadBalancingPolicy, RetryPolicy retryPolicy,
                            SpeculativeExecutionPolicy speculativeExecutionPolicy, ReconnectionPolicy reconnectionPolicy,
                            TimestampGenerator timestampGenerator, AddressTranslator addressTranslator,
                            boolean schemaMetadata, Set<String> schemaKeyspaces,
                            io.jsylla.internal.pool.ShardAwareness shardAwareness) {

    public static final int DEFAULT_PORT = 9042;

    /**
     * {@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6 address, unresolved: names
     * are resolved at connect time, and again on every reconnect.
     */
    public static InetSocketAddress parseContactPoint(String hostPort) {
        if (hostPort == null || hostPort.isBlank()) throw new IllegalArgumentException("empty contact point");
        String s = hostPort.trim();
        String host;
        int port = DEFAULT_PORT;
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) throw new IllegalArgumentException("contact point '" + hostPort + "': missing ']'");
            host = s.substring(1, end);
            if (end + 1 < s.length()) {
                if (s.charAt(end + 1) != ':') throw new IllegalArgumentException("contact point '" + hostPort + "': expected ':port' after ']'");
                port = port(hostPort, s.substring(end + 2));
            }
        } else if (s.indexOf(':') != s.lastIndexOf(':')) {
            host = s; // a bare IPv6 address
        } else if (s.indexOf(':') > 0) {
            host = s.substring(0, s.indexOf(':'));
            port = port(hostPort, s.substring(s.indexOf(':') + 1));
        } else {
            host = s;
        }
        if (host.isEmpty()) throw new IllegalArgumentException("contact point '" + hostPort + "' has no host");
        return InetSocketAddress.createUnresolved(host, port);
    }

    private static int port(String hostPort, String p) {
        try {
            int port = Integer.parseInt(p);
            if (port < 1 || port > 65535) throw new NumberFormatException();
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("contact point '" + hostPort + "': port must be 1..65535, not '" + p + "'");
        }
    }

    @Override
    public String toString() {
        return "SessionConfig[contactPoints=" + contactPoints + ", keyspace=" + keyspace + ", poolSize=" + poolSize
                + ", compression=" + compression + ", auth=" + authProvider + ", protocol="
                + (protocolVersion == null ? "negotiated" : protocolVersion) + "]";
    }
}
