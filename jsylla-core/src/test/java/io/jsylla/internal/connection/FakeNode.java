package io.jsylla.internal.connection;

import io.jsylla.internal.connection.ConnectionTesting.RequestFrame;
import io.jsylla.internal.protocol.AuthSuccess;
import io.jsylla.internal.protocol.Authenticate;
import io.jsylla.internal.protocol.Compressor;
import io.jsylla.internal.protocol.ErrorResponse;
import io.jsylla.internal.protocol.Event;
import io.jsylla.internal.protocol.FrameCodec;
import io.jsylla.internal.protocol.FrameFlags;
import io.jsylla.internal.protocol.Opcode;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.Ready;
import io.jsylla.internal.protocol.Response;
import io.jsylla.internal.protocol.ResponseEncoder;
import io.jsylla.internal.protocol.Segment;
import io.jsylla.internal.protocol.SegmentCodec;
import io.jsylla.internal.protocol.SegmentPacker;
import io.jsylla.internal.protocol.SetKeyspaceResult;
import io.jsylla.internal.protocol.Supported;
import io.jsylla.internal.protocol.VoidResult;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scripted CQL node on 127.0.0.1 for connection tests. It reads request frames, then (once it has
 * answered STARTUP) v5 segments or v4 compressed frames, and answers each request by its opcode's
 * {@link Behaviour}. The defaults make a plain node: SUPPORTED, READY, VOID results, USE and REGISTER.
 */
final class FakeNode implements AutoCloseable {

    /** How the node answers one request: {@code reply} now, later from any thread, or never. */
    interface Behaviour {
        void handle(RequestFrame request, Reply reply);
    }

    /** A request as the node received it, and whether it came inside a v5 segment. */
    record Received(RequestFrame frame, boolean segmented) {
        int opcode() {
            return frame.opcode();
        }
    }

    private final EventLoopGroup group = IoThreads.newEventLoopGroup(1, "fake-node");
    private final Channel server;
    private final Map<Integer, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final Set<NodeConnection> connections = ConcurrentHashMap.newKeySet();
    private volatile int maxVersion = 5;
    private volatile boolean shuffle;
    private volatile boolean compressStartupAnswer = true;
    private volatile Map<String, List<String>> supported =
            Map.of("CQL_VERSION", List.of("3.0.0"), "COMPRESSION", List.of("lz4", "snappy"));

    FakeNode() {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new NodeConnection());
                    }
                })
                .bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    /** Replaces how requests with this opcode are answered. */
    FakeNode on(int opcode, Behaviour behaviour) {
        behaviours.put(opcode, behaviour);
        return this;
    }

    /** Versions above this are refused the way Cassandra does: a PROTOCOL_ERROR in this version, then a close. */
    FakeNode maxVersion(int version) {
        this.maxVersion = version;
        return this;
    }

    FakeNode supported(Map<String, List<String>> options) {
        this.supported = options;
        return this;
    }

    /** Answers the requests of one read in random order. */
    FakeNode shuffleReplies() {
        this.shuffle = true;
        return this;
    }

    /**
     * v4: whether the answer to STARTUP is already compressed. Cassandra's does (it sets the
     * connection's compressor while handling STARTUP, and compresses everything but STARTUP itself).
     */
    FakeNode compressStartupAnswer(boolean compress) {
        this.compressStartupAnswer = compress;
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> received(int opcode) {
        return received.stream().filter(r -> r.opcode() == opcode).toList();
    }

    int openConnections() {
        return connections.size();
    }

    /** Pushes an event on stream -1 to every open connection. */
    void push(Event event) {
        for (NodeConnection c : connections) c.later(() -> c.answer(null, -1, c.version, event));
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static void answerByDefault(RequestFrame request, Reply reply) {
        switch (request.opcode()) {
            case Opcode.STARTUP, Opcode.REGISTER -> reply.send(new Ready());
            case Opcode.QUERY -> {
                String cql = request.query();
                reply.send(cql.startsWith("USE ") ? new SetKeyspaceResult(cql.substring(4).replace("\"", ""))
                        : new VoidResult());
            }
            case Opcode.AUTH_RESPONSE -> reply.send(new AuthSuccess(null));
            default -> reply.send(ErrorResponse.simple(ErrorResponse.SERVER_ERROR,
                    "FakeNode: no behaviour for " + Opcode.name(request.opcode())));
        }
    }

    /** Answers one request on its connection; usable from any thread, at most once. */
    static final class Reply {
        private final NodeConnection connection;
        private final RequestFrame request;

        private Reply(NodeConnection connection, RequestFrame request) {
            this.connection = connection;
            this.request = request;
        }

        void send(Response response) {
            sendAs(request.protocolVersion(), response);
        }

        /** Answers in another version than the request's, as a node refusing that version does. */
        void sendAs(ProtocolVersion version, Response response) {
            connection.later(() -> connection.answer(request, request.stream(), version, response));
        }

        /** Closes the connection once what was answered so far is written. */
        void closeConnection() {
            connection.later(connection::closeAfterFlush);
        }
    }

    /** One client connection: its framing state, and the answers queued during the current read. */
    private final class NodeConnection extends ChannelInboundHandlerAdapter {
        private final ByteBuf in = Unpooled.buffer();
        private final ByteBuf segmentPayloads = Unpooled.buffer();
        private final List<ByteBuf> batch = new ArrayList<>();
        private final Random random = new Random(7);
        private ChannelHandlerContext ctx;
        private SegmentCodec segments;
        private SegmentPacker packer;
        private Compressor compressor;
        private volatile ProtocolVersion version = ProtocolVersion.V4;
        private boolean inBatch;
        private boolean closeAfterFlush;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            this.ctx = ctx;
            connections.add(this);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            connections.remove(this);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf bytes = (ByteBuf) msg;
            in.writeBytes(bytes);
            bytes.release();
            inBatch = true;
            try {
                RequestFrame r;
                boolean segmented;
                while ((r = (segmented = segments != null) ? nextSegmented() : RequestFrame.read(in, compressor)) != null) {
                    received.add(new Received(r, segmented));
                    dispatch(r);
                }
            } finally {
                inBatch = false;
                flushBatch();
            }
            in.discardSomeReadBytes();
            segmentPayloads.discardSomeReadBytes();
        }

        private RequestFrame nextSegmented() {
            Segment s;
            while ((s = segments.decode(in)) != null) segmentPayloads.writeBytes(s.payload());
            return RequestFrame.read(segmentPayloads, null);
        }

        private void dispatch(RequestFrame r) {
            Reply reply = new Reply(this, r);
            if (r.version() > maxVersion) {
                ProtocolVersion highest = ProtocolVersion.fromCode(maxVersion);
                answer(r, r.stream(), highest, ErrorResponse.simple(ErrorResponse.PROTOCOL_ERROR,
                        "Invalid or unsupported protocol version (" + r.version() + "); highest supported version is "
                                + maxVersion));
                closeAfterFlush();
                return;
            }
            version = r.protocolVersion();
            if (r.opcode() == Opcode.OPTIONS && !behaviours.containsKey(Opcode.OPTIONS)) {
                reply.send(new Supported(supported));
            } else {
                behaviours.getOrDefault(r.opcode(), FakeNode::answerByDefault).handle(r, reply);
            }
        }

        void later(Runnable task) {
            if (ctx.executor().inEventLoop()) {
                task.run();
            } else {
                ctx.executor().execute(task);
            }
        }

        /** Encodes one answer in the connection's current framing; the answer to STARTUP then switches it. */
        void answer(RequestFrame request, int stream, ProtocolVersion v, Response response) {
            boolean startupAnswer = request != null && request.opcode() == Opcode.STARTUP
                    && (response instanceof Ready || response instanceof Authenticate);
            String compression = startupAnswer ? request.startupOptions().get("COMPRESSION") : null;
            if (startupAnswer && compression != null && !v.usesSegments() && compressStartupAnswer) {
                compressor = Compressor.forName(compression);
            }
            ByteBuf body = Unpooled.buffer();
            ResponseEncoder.encode(response, body, v);
            int flags = 0;
            if (compressor != null && segments == null) {
                body = compressor.compress(body);
                flags |= FrameFlags.COMPRESSED;
            }
            ByteBuf frame = Unpooled.buffer();
            FrameCodec.encodeResponse(frame, v, flags, stream, ResponseEncoder.opcode(response), body);
            ByteBuf out = frame;
            if (segments != null) {
                out = Unpooled.buffer();
                packer.add(frame, out);
                packer.flush(out);
            }
            batch.add(out);
            if (startupAnswer && v.usesSegments()) {
                segments = new SegmentCodec("lz4".equals(compression));
                packer = new SegmentPacker(segments);
            } else if (startupAnswer && compression != null) {
                compressor = Compressor.forName(compression);
            }
            if (!inBatch) flushBatch();
        }

        void closeAfterFlush() {
            closeAfterFlush = true;
            if (!inBatch) flushBatch();
        }

        private void flushBatch() {
            if (shuffle) Collections.shuffle(batch, random);
            for (ByteBuf b : batch) ctx.write(b);
            batch.clear();
            ctx.flush();
            if (closeAfterFlush) ctx.close();
        }
    }
}
