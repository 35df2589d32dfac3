package io.jsylla.testkit.ceiling;

import io.jsylla.testkit.ceiling.Wire.CqlError;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Answers each frame on the event loop that read it, at once: the responses to one read are
 * encoded back to back into one pooled buffer, written and flushed once, so a client with
 * thousands of requests in flight gets them back in a few system calls and the server's own
 * cost per request stays small. One per connection (its only state is that buffer).
 */
final class CeilingHandler extends ChannelInboundHandlerAdapter implements FrameDecoder.Answerer {
    /** Responses beyond this size go down the pipeline before the read completes, bounding memory. */
    private static final int MAX_BATCH_BYTES = 256 * 1024;
    private static final int COMPRESSED = 0x01, CUSTOM_PAYLOAD = 0x04;
    private static final byte[] SUPPORTED_BODY = Wire.encode(b -> {
        Map<String, List<String>> supported = new LinkedHashMap<>(); // a stable order, for byte-level tests
        supported.put("CQL_VERSION", List.of(SystemTables.CQL_VERSION));
        supported.put("COMPRESSION", List.of());
        supported.put("PROTOCOL_VERSIONS", List.of("4/v4"));
        Wire.writeStringMultimap(b, supported);
    });
    private static final byte[] NO_BODY = {};
    private static final byte[] NO_COMPRESSION = Wire.error(Wire.PROTOCOL_ERROR, "compression not supported", null);

    private final Statements statements;
    private final Workload workload;
    private final LongAdder served;
    private final AtomicInteger connections;
    /** Responses to the current read, not yet written; null when there are none. */
    private ByteBuf out;

    CeilingHandler(Statements statements, Workload workload, LongAdder served, AtomicInteger connections) {
        this.statements = statements;
        this.workload = workload;
        this.served = served;
        this.connections = connections;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        connections.incrementAndGet();
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connections.decrementAndGet();
        releaseOut();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseOut();
    }

    private void releaseOut() {
        if (out != null) {
            out.release();
            out = null;
        }
    }

    /** The buffer the next response goes into, with room for {@code bytes} more. */
    private ByteBuf out(ChannelHandlerContext ctx, int bytes) {
        if (out == null) out = ctx.alloc().buffer(Math.max(16 * 1024, bytes));
        return out.ensureWritable(bytes);
    }

    /** Hands the responses encoded so far to the pipeline (without flushing). */
    private void writeOut(ChannelHandlerContext ctx) {
        ByteBuf b = out;
        if (b == null) return;
        out = null;
        if (b.isReadable()) ctx.write(b, ctx.voidPromise());
        else b.release();
    }

    /** One whole frame, read in place from the connection's buffer (see {@link FrameDecoder}). */
    @Override
    public void answer(ChannelHandlerContext ctx, ByteBuf frame) {
        answerFrame(ctx, frame);
        served.increment();
        if (out != null && out.readableBytes() >= MAX_BATCH_BYTES) writeOut(ctx);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        writeOut(ctx);
        ctx.flush();
    }

    /** A client that does not read its responses is not read from until it catches up. */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a broken connection: the client will see it closed and reconnect
    }

    private void answerFrame(ChannelHandlerContext ctx, ByteBuf frame) {
        int at = frame.readerIndex();
        int version = frame.getUnsignedByte(at);
        int flags = frame.getUnsignedByte(at + 1);
        int stream = frame.getShort(at + 2);
        int opcode = frame.getUnsignedByte(at + 4);
        if (version != Wire.VERSION) {
            // In a v4 frame whatever the client spoke: drivers that opened with v5 retry with v4.
            send(ctx, stream, Wire.ERROR, Wire.error(Wire.PROTOCOL_ERROR, "Invalid or unsupported protocol version ("
                    + (version & 0x7F) + "); supported versions are (4/v4)", null));
            writeOut(ctx);
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if ((flags & COMPRESSED) != 0) {
            send(ctx, stream, Wire.ERROR, NO_COMPRESSION);
            return;
        }
        ByteBuf body = frame.skipBytes(Wire.HEADER); // the same buffer, read from the body on
        try {
            if ((flags & CUSTOM_PAYLOAD) != 0) Wire.skipBytesMap(body);
            switch (opcode) {
                case Wire.OPTIONS -> send(ctx, stream, Wire.SUPPORTED, SUPPORTED_BODY);
                case Wire.STARTUP -> startup(ctx, stream, body);
                case Wire.REGISTER -> send(ctx, stream, Wire.READY, NO_BODY); // and never an event
                case Wire.QUERY -> execute(ctx, stream, body, statements.classify(Wire.readLongString(body)));
                case Wire.EXECUTE -> execute(ctx, stream, body, statements.prepared(body));
                case Wire.PREPARE -> send(ctx, stream, Wire.RESULT, statements.prepare(Wire.readLongString(body)).prepared());
                case Wire.BATCH -> batch(ctx, stream, body);
                default -> throw new CqlError(Wire.PROTOCOL_ERROR, "unsupported opcode 0x" + Integer.toHexString(opcode));
            }
        } catch (CqlError e) {
            send(ctx, stream, Wire.ERROR, e.body());
        } catch (IndexOutOfBoundsException e) {
            send(ctx, stream, Wire.ERROR, Wire.error(Wire.PROTOCOL_ERROR, "malformed request (opcode 0x"
                    + Integer.toHexString(opcode) + "): " + e.getMessage(), null));
        } catch (RuntimeException e) {
            // A bug of this server: answered as a server error so that it shows, not as a hang-up.
            send(ctx, stream, Wire.ERROR, Wire.error(Wire.SERVER_ERROR, "ceiling server failed: " + e, null));
        }
    }

    private void startup(ChannelHandlerContext ctx, int stream, ByteBuf body) {
        if (Wire.readStringMap(body).containsKey("COMPRESSION")) {
            throw new CqlError(Wire.PROTOCOL_ERROR, "compression not supported");
        }
        send(ctx, stream, Wire.READY, NO_BODY);
    }

    /** QUERY or EXECUTE of a statement; the frame's reader index is at its query parameters. */
    private void execute(ChannelHandlerContext ctx, int stream, ByteBuf frame, Statement s) {
        QueryParameters p = QueryParameters.read(frame);
        switch (s.kind()) {
            case GET -> workload.get(out(ctx, workload.maxGetResponse()), stream, frame, p);
            case SCAN -> workload.scan(out(ctx, workload.maxScanResponse(p)), stream, p);
            default -> send(ctx, stream, Wire.RESULT, s.result(p.skipMetadata()));
        }
    }

    /** BATCH (section 4.1.7): every child must be a known INSERT, by text or by prepared id. */
    private void batch(ChannelHandlerContext ctx, int stream, ByteBuf body) {
        body.skipBytes(1); // logged, unlogged or counter: all alike here
        int n = body.readUnsignedShort();
        for (int i = 0; i < n; i++) {
            Statement s = body.readByte() == 0 ? statements.classify(Wire.readLongString(body)) : statements.prepared(body);
            if (s.kind() != Statement.Kind.INSERT) {
                throw new CqlError(Wire.INVALID, "Invalid statement in batch (only INSERT INTO bench.kv is): " + s.text());
            }
            int values = body.readUnsignedShort();
            for (int v = 0; v < values; v++) Wire.skipValue(body);
        }
        send(ctx, stream, Wire.RESULT, Statements.VOID_RESULT);
    }

    /** Adds a response whose body was encoded beforehand, behind its header. */
    private void send(ChannelHandlerContext ctx, int stream, int opcode, byte[] body) {
        ByteBuf b = out(ctx, Wire.HEADER + body.length);
        Wire.writeHeader(b, stream, opcode, body.length);
        b.writeBytes(body);
    }
}
