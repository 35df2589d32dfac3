package io.jsylla.testkit.scylla;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of one simulated connection: takes a shard when accepted, opens its own
 * upstream connection (on the same event loop, so both sides share one thread), answers OPTIONS
 * and refused protocol versions itself, notes the extensions a STARTUP takes up, answers
 * requests the rate limit setting rejects with a forged error, judges each EXECUTE's shard, and
 * forwards every other frame as it came.
 */
final class ClientConnection extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);

    private final SimulatedNode node;
    private final boolean onShardAwarePort;
    private SimulatedNode.ConnectionShard shard;
    private Channel upstream;
    private final Negotiated negotiated = new Negotiated();

    /**
     * What one connection took up in its STARTUP, and its PREPAREs awaiting their answer (stream
     * to CQL text). Shared with its {@link UpstreamConnection}, on the same event loop.
     */
    static final class Negotiated {
        boolean rateLimitErrors;
        boolean lwtMark;
        final java.util.Map<Integer, String> pendingPrepares = new java.util.HashMap<>();
    }

    ClientConnection(SimulatedNode node, boolean onShardAwarePort) {
        this.node = node;
        this.onShardAwarePort = onShardAwarePort;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        Channel client = ctx.channel();
        node.connections().add(client);
        shard = node.accept(onShardAwarePort, ((InetSocketAddress) client.remoteAddress()).getPort());
        new Bootstrap().group(client.eventLoop()).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ShardSimulatorTls tls = node.tls();
                        if (tls != null) {
                            SslHandler ssl = tls.nodeSide(ch.alloc(), node.upstream());
                            if (ssl != null) ch.pipeline().addLast(ssl);
                        }
                        ch.pipeline().addLast(SimulatedNode.frameDecoder(), new UpstreamConnection(node, client, negotiated));
                    }
                })
                .connect(node.upstream())
                .addListener((ChannelFutureListener) f -> {
                    if (!f.isSuccess()) {
                        log.debug("Cannot reach {}: {}", node.upstream(), f.cause().toString());
                        client.close();
                        return;
                    }
                    upstream = f.channel();
                    node.connections().add(upstream);
                    if (!client.isActive()) upstream.close();
                    else client.config().setAutoRead(true);
                });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        int version = frame.getByte(0) & 0x7F;
        int flags = frame.getByte(1);
        int stream = frame.getShort(2);
        int opcode = frame.getByte(4) & 0xFF;
        node.stats().request(shard.shard());
        if (version < 3 || version > 4) {
            // ScyllaDB speaks v3 and v4 only: a v4 protocol error makes drivers retry with v4.
            frame.release();
            node.stats().refusedVersion();
            ctx.writeAndFlush(Unpooled.wrappedBuffer(Frames.unsupportedVersion(stream, version)))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (opcode == Frames.OPTIONS) {
            frame.release();
            ctx.writeAndFlush(Unpooled.wrappedBuffer(
                    Frames.response(version, stream, Frames.SUPPORTED, node.supportedBody(shard))));
            return;
        }
        if ((flags & Frames.FLAG_COMPRESSED) == 0) {
            StatementKind kind = inspect(frame, stream, opcode);
            if (kind != null && node.rateLimiter().reject(kind.opType())) {
                frame.release();
                RateLimitErrors.Setting s = node.rateLimiter().setting();
                node.stats().rateLimited(kind.opType());
                ctx.writeAndFlush(Unpooled.wrappedBuffer(Frames.response(version, stream, Frames.ERROR,
                        RateLimitErrors.errorBody(negotiated.rateLimitErrors, kind.opType(), s.rejectedByCoordinator()))));
                return;
            }
            if (opcode == Frames.QUERY || opcode == Frames.PREPARE) {
                upstream.writeAndFlush(inCassandraDialect(ctx, frame));
                return;
            }
            long delay = node.crossShardPenalty().toNanos();
            if (opcode == Frames.EXECUTE && judge(frame, kind) && delay > 0) {
                ctx.executor().schedule(() -> upstream.writeAndFlush(frame), delay, TimeUnit.NANOSECONDS);
                return;
            }
        }
        upstream.writeAndFlush(frame);
    }

    /** The frame with its statement in Cassandra's CQL ({@link ScyllaDialect}); the same frame when it already is. */
    private static ByteBuf inCassandraDialect(ChannelHandlerContext ctx, ByteBuf frame) {
        byte[] body;
        try {
            body = ScyllaDialect.withoutUsingTimeout(frame.nioBuffer(Frames.HEADER, frame.readableBytes() - Frames.HEADER));
        } catch (RuntimeException e) {
            return frame;
        }
        if (body == null) return frame;
        ByteBuf out = ctx.alloc().buffer(Frames.HEADER + body.length);
        out.writeBytes(frame, 0, 5).writeInt(body.length).writeBytes(body);
        frame.release();
        return out;
    }

    /**
     * Reads what the extensions need of an uncompressed request: STARTUP's extension keys, a
     * PREPARE's text (kept until its answer), and the kind of a QUERY, EXECUTE (from its PREPARE)
     * or BATCH (a write); null for other requests and unknown statements.
     */
    private StatementKind inspect(ByteBuf frame, int stream, int opcode) {
        try {
            ByteBuffer body = frame.nioBuffer(Frames.HEADER, frame.readableBytes() - Frames.HEADER);
            switch (opcode) {
                case Frames.STARTUP -> {
                    java.util.Set<String> keys = Frames.readStringMapKeys(body);
                    negotiated.rateLimitErrors = node.offersRateLimitErrors() && keys.contains(RateLimitErrors.KEY);
                    negotiated.lwtMark = node.offersLwtMark() && keys.contains(LwtMark.KEY);
                    return null;
                }
                case Frames.PREPARE -> {
                    negotiated.pendingPrepares.put(stream, Frames.readLongString(body));
                    return null;
                }
                case Frames.QUERY -> {
                    return StatementKind.of(Frames.readLongString(body));
                }
                case Frames.EXECUTE -> {
                    return node.shapes().kind(Frames.readShortBytes(body));
                }
                case Frames.BATCH -> {
                    return new StatementKind(StatementKind.OpType.WRITE, false);
                }
                default -> {
                    return null;
                }
            }
        } catch (RuntimeException e) {
            log.debug("Cannot read a request of opcode {}: {}", opcode, e.toString());
            return null;
        }
    }

    /**
     * Counts an EXECUTE whose shard can be computed, and an LWT's arrival at its primary
     * replica's shard; true for a shard miss.
     */
    private boolean judge(ByteBuf frame, StatementKind kind) {
        boolean lwt = kind != null && kind.conditional();
        PartitionKeyDecoder.RoutedExecute routed;
        try {
            routed = PartitionKeyDecoder.decode(frame.nioBuffer(Frames.HEADER, frame.readableBytes() - Frames.HEADER),
                    node.shapes());
        } catch (RuntimeException e) {
            log.debug("Cannot read an EXECUTE's values: {}", e.toString());
            routed = null;
        }
        if (routed == null) {
            if (lwt) node.stats().lwt(false);
            return false;
        }
        long token = routed.token();
        boolean miss = Sharding.shardOf(token, shard.shards(), shard.ignoreMsb()) != shard.shard();
        node.stats().routed(shard.shard(), miss);
        if (Boolean.FALSE.equals(node.isReplica(routed.shape().keyspace(), token))) node.stats().nonReplica();
        if (lwt) node.stats().lwt(!miss && Boolean.TRUE.equals(node.isPrimary(routed.shape().keyspace(), token)));
        return miss;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // A slow client holds back its upstream's answers, not the simulator's memory.
        if (upstream != null) upstream.config().setAutoRead(ctx.channel().isWritable());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (shard != null) node.stats().closed(shard.shard());
        if (upstream != null) upstream.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Client connection {} failed: {}", ctx.channel(), cause.toString());
        ctx.close();
    }
}
