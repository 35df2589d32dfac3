package io.jsylla.testing;

import static io.jsylla.testing.ServerWire.BATCH;
import static io.jsylla.testing.ServerWire.ERROR;
import static io.jsylla.testing.ServerWire.EXECUTE;
import static io.jsylla.testing.ServerWire.OPTIONS;
import static io.jsylla.testing.ServerWire.PREPARE;
import static io.jsylla.testing.ServerWire.QUERY;
import static io.jsylla.testing.ServerWire.READY;
import static io.jsylla.testing.ServerWire.REGISTER;
import static io.jsylla.testing.ServerWire.RESULT;
import static io.jsylla.testing.ServerWire.STARTUP;
import static io.jsylla.testing.ServerWire.SUPPORTED;

import io.jsylla.Consistency;
import io.jsylla.testing.ServerWire.Column;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One node of a {@link ScriptedCluster}: an in-process CQL server speaking protocol v4 (a v5
 * request gets the PROTOCOL_ERROR that makes a driver fall back). It answers the handshake and
 * the system tables by itself; every other QUERY, EXECUTE and BATCH gets what the script says:
 * {@link #script} if set (a null from it falls through), else the next {@link #enqueue queued}
 * reaction, else {@link #otherwise} (OK by default). A PREPARE is always answered with a
 * PREPARED result (id: the MD5 of the text; one {@code int} variable per {@code ?}) and the node
 * remembers it: an EXECUTE, or a BATCH child, of an id it does not know is answered UNPREPARED,
 * as a real node that forgot it ({@link #forgetPrepared()}).
 */
public final class ScriptedNode {
    private final ScriptedCluster cluster;
    private final int index;
    private final InetSocketAddress address;
    private final UUID hostId;
    private final String token;
    private final ConcurrentLinkedDeque<Reaction> queue = new ConcurrentLinkedDeque<>();
    private volatile Function<Received, Reaction> script;
    private volatile Reaction otherwise = Reaction.ok();
    private final Set<String> prepared = ConcurrentHashMap.newKeySet();
    private volatile boolean amnesiac;
    private final AtomicInteger connections = new AtomicInteger();
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private Channel server;

    ScriptedNode(ScriptedCluster cluster, int index, InetSocketAddress bindTo) {
        this.cluster = cluster;
        this.index = index;
        this.hostId = UUID.nameUUIDFromBytes(("scripted-node-" + index).getBytes(StandardCharsets.UTF_8));
        this.token = Long.toString(Long.MIN_VALUE / 4 * (4 - index)); // distinct, ascending with the index
        this.address = bind(cluster.group(), bindTo);
    }

    private InetSocketAddress bind(EventLoopGroup group, InetSocketAddress at) {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channels.add(ch);
                        ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(256 << 20, 5, 4, 0, 0),
                                new Handler(connections.incrementAndGet()));
                    }
                })
                .bind(at).syncUninterruptibly().channel();
        return (InetSocketAddress) server.localAddress();
    }

    // ---- the script

    /** Reactions for the next requests, in order; used up one per QUERY, EXECUTE or BATCH. */
    public ScriptedNode enqueue(Reaction... reactions) {
        queue.addAll(List.of(reactions));
        return this;
    }

    /** A function deciding each QUERY, EXECUTE and BATCH before the queue; null from it falls through. */
    public ScriptedNode script(Function<Received, Reaction> script) {
        this.script = script;
        return this;
    }

    /** The reaction once the queue is empty. */
    public ScriptedNode otherwise(Reaction reaction) {
        this.otherwise = reaction;
        return this;
    }

    /** The node forgets every statement prepared on it (as after a restart). */
    public void forgetPrepared() {
        prepared.clear();
    }

    /** An amnesiac node never remembers a statement: every EXECUTE is answered UNPREPARED. */
    public ScriptedNode amnesiac(boolean on) {
        amnesiac = on;
        if (on) prepared.clear();
        return this;
    }

    /** Closes every client connection to the node (it still accepts new ones). */
    public void closeConnections() {
        channels.close().syncUninterruptibly();
    }

    // ---- what it saw

    /** The node's requests that are not the driver's own traffic, in arrival order. */
    public List<Received> received() {
        return cluster.requests().stream().filter(r -> r.node() == index).toList();
    }

    /** How many connections the node accepted. */
    public int acceptedConnections() {
        return connections.get();
    }

    public int index() {
        return index;
    }

    public String name() {
        return "node" + index;
    }

    /** Where clients reach it. */
    public InetSocketAddress address() {
        return address;
    }

    /** "127.0.0.2:41234", for knownNode. */
    public String contactPoint() {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    UUID hostId() {
        return hostId;
    }

    String token() {
        return token;
    }

    void stop() {
        channels.close().syncUninterruptibly();
        server.close().syncUninterruptibly();
    }

    @Override
    public String toString() {
        return name() + "@" + contactPoint();
    }

    // ---- one connection

    private final class Handler extends ChannelInboundHandlerAdapter {
        private final int connection;

        Handler(int connection) {
            this.connection = connection;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf frame = (ByteBuf) msg;
            try {
                handle(ctx, frame);
            } finally {
                frame.release();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        private void handle(ChannelHandlerContext ctx, ByteBuf f) {
            int version = f.readUnsignedByte() & 0x7F;
            int flags = f.readUnsignedByte();
            int stream = f.readShort();
            int opcode = f.readUnsignedByte();
            ByteBuf body = f.readSlice(f.readInt());
            if (version != ServerWire.VERSION) {
                cluster.record(index, address, "OPTIONS/v" + version, null, null, true, connection);
                write(ctx, stream, ERROR, ServerWire.error(Reaction.ErrorCodes.PROTOCOL_ERROR,
                        "Invalid or unsupported protocol version (" + version + "); supported versions are (3/v3, 4/v4)"));
                return;
            }
            if ((flags & 0x04) != 0) ServerWire.skipBytesMap(body); // a custom payload comes first
            switch (opcode) {
                case OPTIONS -> {
                    cluster.record(index, address, "OPTIONS", null, null, true, connection);
                    write(ctx, stream, SUPPORTED, ServerWire.encode(b -> ServerWire.writeStringMultimap(b,
                            Map.of("CQL_VERSION", List.of("3.4.5"), "COMPRESSION", List.of()))));
                }
                case STARTUP, REGISTER -> {
                    cluster.record(index, address, opcode == STARTUP ? "STARTUP" : "REGISTER", null, null, true, connection);
                    write(ctx, stream, READY, new byte[0]);
                }
                case PREPARE -> {
                    String cql = ServerWire.readLongString(body);
                    cluster.record(index, address, "PREPARE", cql, null, false, connection);
                    byte[] id = idOf(cql);
                    if (!amnesiac) prepared.add(HexFormat.of().formatHex(id));
                    cluster.known(id, cql);
                    write(ctx, stream, RESULT, preparedResult(cql, id));
                }
                case QUERY -> {
                    String cql = ServerWire.readLongString(body);
                    Consistency cl = Consistency.fromCode(body.readUnsignedShort());
                    byte[] system = SystemTables.answer(cluster, ScriptedNode.this, cql);
                    Received r = cluster.record(index, address, "QUERY", cql, cl, system != null, connection);
                    if (system != null) write(ctx, stream, RESULT, system);
                    else react(ctx, stream, r, decide(r), cql);
                }
                case EXECUTE -> {
                    byte[] id = ServerWire.readShortBytes(body);
                    Consistency cl = Consistency.fromCode(body.readUnsignedShort());
                    String cql = cluster.known(id);
                    Received r = cluster.record(index, address, "EXECUTE", cql, cl, false, connection);
                    if (!prepared.contains(HexFormat.of().formatHex(id))) react(ctx, stream, r, unprepared(id), cql);
                    else react(ctx, stream, r, decide(r), cql);
                }
                case BATCH -> {
                    body.skipBytes(1); // type
                    int n = body.readUnsignedShort();
                    byte[] unknown = null;
                    List<String> texts = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        if (body.readByte() == 0) {
                            texts.add(ServerWire.readLongString(body));
                        } else {
                            byte[] id = ServerWire.readShortBytes(body);
                            texts.add(cluster.known(id));
                            if (!prepared.contains(HexFormat.of().formatHex(id)) && unknown == null) unknown = id;
                        }
                        int values = body.readUnsignedShort();
                        for (int v = 0; v < values; v++) ServerWire.skipValue(body);
                    }
                    Consistency cl = Consistency.fromCode(body.readUnsignedShort());
                    Received r = cluster.record(index, address, "BATCH", String.join("; ", texts), cl, false, connection);
                    react(ctx, stream, r, unknown != null ? unprepared(unknown) : decide(r), null);
                }
                default -> {
                    cluster.record(index, address, "OPCODE_" + opcode, null, null, true, connection);
                    write(ctx, stream, ERROR, ServerWire.error(Reaction.ErrorCodes.PROTOCOL_ERROR,
                            "scripted node: unsupported opcode " + opcode));
                }
            }
        }

        private Reaction decide(Received r) {
            Function<Received, Reaction> s = script;
            Reaction chosen = s == null ? null : s.apply(r);
            if (chosen == null) chosen = queue.poll();
            return chosen == null ? otherwise : chosen;
        }

        private void react(ChannelHandlerContext ctx, int stream, Received r, Reaction reaction, String cql) {
            if (reaction instanceof Reaction.Ok) {
                boolean use = cql != null && cql.trim().toLowerCase().startsWith("use ");
                write(ctx, stream, RESULT, use
                        ? ServerWire.encode(b -> {
                            b.writeInt(ServerWire.SET_KEYSPACE);
                            ServerWire.writeString(b, cql.trim().substring(4).trim().replace("\"", ""));
                        })
                        : ServerWire.encode(b -> b.writeInt(ServerWire.VOID)));
            } else if (reaction instanceof Reaction.Rows rows) {
                write(ctx, stream, RESULT, ServerWire.rows("ks", "t", List.of(Column.of(rows.column(), ServerWire.TEXT)),
                        rows.values().stream().map(v -> List.of(v.getBytes(StandardCharsets.UTF_8))).toList()));
            } else if (reaction instanceof Reaction.Error e) {
                write(ctx, stream, ERROR, e.body());
            } else if (reaction instanceof Reaction.Close) {
                ctx.channel().close();
            } else if (reaction instanceof Reaction.Delayed d) {
                ctx.executor().schedule(() -> {
                    if (ctx.channel().isActive()) react(ctx, stream, r, d.then(), cql);
                }, d.delay().toNanos(), TimeUnit.NANOSECONDS);
            } // NoAnswer: nothing, ever
        }

        private void write(ChannelHandlerContext ctx, int stream, int opcode, byte[] body) {
            ByteBuf out = ctx.alloc().buffer(ServerWire.HEADER + body.length);
            out.writeByte(0x80 | ServerWire.VERSION).writeByte(0).writeShort(stream).writeByte(opcode)
                    .writeInt(body.length).writeBytes(body);
            ctx.writeAndFlush(out);
        }
    }

    private static Reaction unprepared(byte[] id) {
        return new Reaction.Error(Reaction.ErrorCodes.UNPREPARED, "Prepared query with ID "
                + HexFormat.of().formatHex(id) + " not found", ServerWire.encode(b -> ServerWire.writeShortBytes(b, id)));
    }

    static byte[] idOf(String cql) {
        try {
            return MessageDigest.getInstance("MD5").digest(cql.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PREPARED (v4): id, variables metadata (one int per '?', the first the partition key), result metadata (none). */
    private static byte[] preparedResult(String cql, byte[] id) {
        int markers = (int) cql.chars().filter(c -> c == '?').count();
        List<Column> variables = new ArrayList<>();
        for (int i = 0; i < markers; i++) variables.add(Column.of("c" + i, ServerWire.INT));
        return ServerWire.encode(b -> {
            b.writeInt(ServerWire.PREPARED);
            ServerWire.writeShortBytes(b, id);
            ServerWire.writeMetadata(b, "ks", "t", variables, markers == 0 ? new int[0] : new int[] {0});
            ServerWire.writeMetadata(b, "ks", "t", List.of(), null);
        });
    }
}
