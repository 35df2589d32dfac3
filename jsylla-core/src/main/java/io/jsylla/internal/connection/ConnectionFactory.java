package io.jsylla.internal.connection;

import io.jsylla.Compression;
import io.jsylla.ConnectionException;
import io.jsylla.ScyllaException;
import io.jsylla.internal.protocol.Compressor;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.SegmentCodec;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens connections: TCP (and TLS), the channel pipeline, then the {@link Handshake}. Negotiates
 * the protocol version on the first connection (v5, else v4) unless one is pinned, and uses
 * what was agreed for every later one.
 *
 * <p>The pipeline it builds is drawn in this package's documentation ({@code package-info.java}).
 */
public final class ConnectionFactory {
    private static final Logger log = LoggerFactory.getLogger(ConnectionFactory.class);

    private final ConnectionOptions options;
    private final Bootstrap bootstrap;
    private volatile ProtocolVersion version;

    public ConnectionFactory(EventLoopGroup group, ConnectionOptions options) {
        this.options = options;
        this.version = options.protocolVersion();
        this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, options.tcpNoDelay())
                .option(ChannelOption.SO_KEEPALIVE, options.tcpKeepalive() != null)
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        // the pipeline is built once the connect succeeds, knowing the node
                    }
                });
    }

    /** The version agreed with the first node, or the pinned one; null before any connection. */
    public ProtocolVersion protocolVersion() {
        return version;
    }

    public ConnectionOptions options() {
        return options;
    }

    /**
     * Opens a ready connection: handshake done, {@code keyspace} (a CQL identifier, quoted as
     * needed, or null) in use, registered for {@code events} (empty for none).
     */
    public CompletableFuture<Connection> connect(InetSocketAddress node, String keyspace, List<String> events) {
        return connect(Endpoint.of(node), keyspace, events);
    }

    /**
     * As {@link #connect(InetSocketAddress, String, List)}, to where {@code endpoint} says: another
     * port of the node (ScyllaDB's shard-aware port) and a chosen local address and port. A local
     * port that cannot be bound fails with {@link LocalPortUnavailableException}, so that the
     * caller tries another.
     */
    public CompletableFuture<Connection> connect(Endpoint endpoint, String keyspace, List<String> events) {
        CompletableFuture<Connection> result = new CompletableFuture<>();
        ProtocolVersion v = version != null ? version : ProtocolVersion.LATEST;
        attempt(endpoint, v, keyspace, events, result);
        return result;
    }

    private void attempt(Endpoint endpoint, ProtocolVersion v, String keyspace, List<String> events,
                         CompletableFuture<Connection> result) {
        InetSocketAddress node = endpoint.node();
        open(endpoint, v, keyspace, events).whenComplete((c, e) -> {
            if (e == null) {
                if (version == null) {
                    version = v;
                    log.debug("Using protocol {} (agreed with {})", v, node);
                }
                result.complete(c);
                return;
            }
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof UnsupportedVersionException && options.protocolVersion() == null && v.lower() != null) {
                log.info("{} does not support protocol {}; trying {}", node, v, v.lower());
                attempt(endpoint, v.lower(), keyspace, events, result);
            } else if (cause instanceof UnsupportedVersionException) {
                result.completeExceptionally(new ConnectionException(node, "protocol " + v + " is not supported: "
                        + cause.getMessage(), null));
            } else if (cause instanceof ScyllaException) {
                result.completeExceptionally(cause);
            } else {
                result.completeExceptionally(new ConnectionException(node, String.valueOf(cause.getMessage()), cause));
            }
        });
    }

    private CompletableFuture<Connection> open(Endpoint endpoint, ProtocolVersion v, String keyspace,
                                               List<String> events) {
        InetSocketAddress node = endpoint.node();
        CompletableFuture<Connection> f = new CompletableFuture<>();
        ChannelFuture cf = endpoint.local() == null ? bootstrap.connect(endpoint.remote())
                : bootstrap.connect(endpoint.remote(), endpoint.local());
        cf.addListener(x -> {
            if (!cf.isSuccess()) {
                Throwable c = cf.cause();
                if (endpoint.local() != null && LocalPortUnavailableException.isBindFailure(c)) {
                    f.completeExceptionally(new LocalPortUnavailableException(node, endpoint.local(), c));
                } else {
                    f.completeExceptionally(new ConnectionException(node, "cannot connect"
                            + (endpoint.remote().equals(node) ? "" : " to port " + endpoint.remote().getPort()) + ": "
                            + (c == null ? "cancelled" : c.getMessage()), c));
                }
                return;
            }
            Channel ch = cf.channel();
            ChannelPipeline p = ch.pipeline();
            if (options.ssl() != null) p.addLast("ssl", sslHandler(ch, node));
            FrameDecoder decoder = new FrameDecoder(options.maxFrameLength());
            if (!v.usesSegments() && options.compression() != Compression.NONE) {
                // Cassandra compresses its answer to STARTUP already: inflate flagged frames from the start.
                decoder.compressor(Compressor.forName(options.compression().protocolName()));
            }
            IdleWatch idle = new IdleWatch(new Heartbeat(node));
            FrameBatcher batcher = new FrameBatcher(v);
            StreamDispatcher streams = new StreamDispatcher(node, options.maxRequestsPerConnection(), batcher);
            p.addLast("idleWatch", idle);
            p.addLast("frameDecoder", decoder);
            p.addLast("frameBatcher", batcher);
            p.addLast("deadlineSweeper", new DeadlineSweeper(streams));
            p.addLast("streamDispatcher", streams);
            Connection connection = new Connection(ch, streams, node, v, Math.min(options.maxRequestsPerConnection(),
                    StreamIds.MAX) - 1, null);
            var timeout = ch.eventLoop().schedule(() -> {
                if (f.completeExceptionally(new ConnectionException(node, "handshake did not complete within "
                        + options.connectTimeout().toMillis() + " ms", null))) {
                    ch.close();
                }
            }, options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            Handshake handshake = new Handshake(connection, options,
                    compressor -> switchFraming(p, decoder, batcher, v, compressor));
            handshake.run(keyspace, events).whenComplete((c, e) -> {
                timeout.cancel(false);
                if (e != null) {
                    ch.close();
                    f.completeExceptionally(e);
                } else {
                    long idleNanos = options.idleTimeout().toNanos();
                    long beatNanos = options.heartbeatInterval().toNanos();
                    ch.eventLoop().execute(() -> idle.start(idleNanos, beatNanos));
                    if (!f.complete(c)) ch.close();
                }
            });
        });
        return f;
    }

    /** After STARTUP is answered: v5 moves to segments, v4 to compressed frames (if compression is on). */
    private void switchFraming(ChannelPipeline p, FrameDecoder decoder, FrameBatcher batcher, ProtocolVersion v,
                               Compressor compressor) {
        if (v.usesSegments()) {
            SegmentCodec codec = new SegmentCodec(compressor != null);
            p.replace(decoder, "segmentDecoder", new SegmentDecoder(codec, options.maxFrameLength()));
            p.addBefore("frameBatcher", "segmentEncoder", new SegmentEncoder(codec));
        } else if (compressor != null) {
            decoder.compressor(compressor);
            batcher.compressor(compressor);
        }
    }

    private SslHandler sslHandler(Channel ch, InetSocketAddress node) {
        SslHandler h = options.ssl().newHandler(ch.alloc(), node.getHostString(), node.getPort());
        if (options.hostnameVerification()) {
            SSLEngine engine = h.engine();
            SSLParameters params = engine.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(params);
        }
        h.setHandshakeTimeoutMillis(options.connectTimeout().toMillis());
        return h;
    }
}
