package io.jsylla.testkit.scylla;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real node's side of one simulated connection: learns prepared statements' shapes and kinds
 * from PREPARED answers, marks conditional ones as LWTs when negotiated, rewrites discovery answers to name simulated nodes, and forwards every
 * frame to the client.
 */
final class UpstreamConnection extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(UpstreamConnection.class);

    private final SimulatedNode node;
    private final Channel client;
    private final ClientConnection.Negotiated negotiated;

    UpstreamConnection(SimulatedNode node, Channel client, ClientConnection.Negotiated negotiated) {
        this.node = node;
        this.client = client;
        this.negotiated = negotiated;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        int flags = frame.getByte(1);
        int opcode = frame.getByte(4) & 0xFF;
        // Any answer ends a PREPARE's wait, whether or not it can be read.
        String prepared = negotiated.pendingPrepares.isEmpty() ? null : negotiated.pendingPrepares.remove((int) frame.getShort(2));
        // A compressed frame cannot be read without its codec: it passes unread (see package docs).
        if ((flags & Frames.FLAG_COMPRESSED) == 0 && (opcode == Frames.RESULT || opcode == Frames.EVENT)) {
            try {
                ByteBuffer view = frame.nioBuffer(0, frame.readableBytes());
                if (opcode == Frames.RESULT && learnPrepared(view, flags, frame, prepared)) return;
                for (DiscoveryRewriter.Patch p : node.discovery().patches(view)) frame.setBytes(p.offset(), p.bytes());
            } catch (RuntimeException e) {
                log.debug("Cannot read an answer of {}: {}", node.upstream(), e.toString());
            }
        }
        client.writeAndFlush(frame);
    }

    /**
     * Records a PREPARED answer's shape and its statement's kind (from {@code text}, the PREPARE's
     * CQL, when known), marks a conditional statement's answer as an LWT for a connection that
     * negotiated the mark; when the node has a ring, holds the answer until the keyspace's
     * replication is read, and returns true (the answer is then forwarded later).
     */
    private boolean learnPrepared(ByteBuffer view, int flags, ByteBuf frame, String text) {
        ByteBuffer body = view.duplicate().position(Frames.HEADER);
        Frames.skipResponsePrefixes(body, flags);
        if (body.getInt() != Frames.RESULT_PREPARED) return false;
        if (text != null) {
            StatementKind kind = StatementKind.of(text);
            node.shapes().recordKind(Frames.readShortBytes(body.duplicate()), kind);
            if (kind.conditional() && negotiated.lwtMark) LwtMark.mark(frame);
        }
        PreparedShapes.Shape shape = node.shapes().record(body);
        ReplicaLookup replicas = node.replicaLookup();
        if (shape == null || shape.keyspace() == null || replicas == null) return false;
        replicas.refresh(shape.keyspace()).whenComplete((ok, e) -> client.eventLoop().execute(() -> client.writeAndFlush(frame)));
        return true;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        client.config().setAutoRead(ctx.channel().isWritable());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        client.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Upstream connection to {} failed: {}", node.upstream(), cause.toString());
        ctx.close();
    }
}
