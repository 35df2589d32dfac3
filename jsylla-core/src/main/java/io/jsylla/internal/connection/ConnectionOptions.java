package io.jsylla.internal.connection;

import io.jsylla.AuthProvider;
import io.jsylla.Compression;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;

/**
 * How connections are opened and kept: everything a connection needs from the session's
 * configuration, and nothing else.
 *
 * @param protocolVersion the version to use, or null to negotiate (newest first)
 * @param tcpKeepalive TCP keepalive on, or null for off (the JDK cannot set the interval portably)
 * @param heartbeatInterval OPTIONS sent on a connection idle this long
 * @param idleTimeout a connection that received nothing this long is closed
 * @param ssl TLS, or null for plain TCP
 */
public record ConnectionOptions(Duration connectTimeout, Compression compression, AuthProvider authProvider,
                                boolean tcpNoDelay, Duration tcpKeepalive, Duration heartbeatInterval,
                                Duration idleTimeout, int maxRequestsPerConnection, int maxFrameLength,
                                SslContext ssl, boolean hostnameVerification, ProtocolVersion protocolVersion,
                                String driverName, String driverVersion) {

    @Override
    public String toString() {
        return "ConnectionOptions[connectTimeout=" + connectTimeout + ", compression=" + compression
                + ", auth=" + authProvider + ", protocol=" + (protocolVersion == null ? "negotiated" : protocolVersion)
                + ", tls=" + (ssl != null) + "]";
    }
}
