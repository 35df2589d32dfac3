package io.jsylla.internal.connection;

import io.jsylla.AuthProvider;
import io.jsylla.Compression;
import io.jsylla.Consistency;
import io.jsylla.internal.protocol.Compressor;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.FrameCodec;
import io.jsylla.internal.protocol.FrameFlags;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.Query;
import io.jsylla.internal.protocol.QueryParameters;
import io.jsylla.internal.protocol.Response;
import io.jsylla.internal.protocol.ResponseEncoder;
import io.jsylla.internal.protocol.Values;
import io.jsylla.internal.protocol.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Shared helpers of the connection tests: request frames as a server reads them, responses as it writes them. */
final class ConnectionTesting {
    private ConnectionTesting() {}

    /** A request frame as a server sees it; the body decompressed when it was flagged compressed. */
    record RequestFrame(int version, int flags, int stream, int opcode, ByteBuf body) {

        /** Reads one whole request frame from {@code in}, or null (consuming nothing) while it is incomplete. */
        static RequestFrame read(ByteBuf in, Compressor compressor) {
            if (in.readableBytes() < FrameCodec.HEADER_LENGTH) return null;
            int start = in.readerIndex();
            int length = in.getInt(start + 5);
            if (in.readableBytes() < FrameCodec.HEADER_LENGTH + length) return null;
            int versionByte = in.readUnsignedByte();
            if ((versionByte & 0x80) != 0) throw new IllegalStateException("not a request: version byte " + versionByte);
            int flags = in.readUnsignedByte();
            int stream = in.readShort();
            int opcode = in.readUnsignedByte();
            in.skipBytes(4);
            ByteBuf body = Unpooled.buffer(length).writeBytes(in, length);
            if ((flags & FrameFlags.COMPRESSED) != 0) {
                if (compressor == null) throw new IllegalStateException("compressed request but no compressor");
                body = compressor.decompress(body);
            }
            return new RequestFrame(versionByte, flags, stream, opcode, body);
        }

        ProtocolVersion protocolVersion() {
            return ProtocolVersion.fromCode(version);
        }

        /** The CQL of a QUERY. */
        String query() {
            return Wire.readLongString(body.duplicate());
        }

        /** The options of a STARTUP. */
        Map<String, String> startupOptions() {
            return Wire.readStringMap(body.duplicate());
        }

        /** The token of an AUTH_RESPONSE. */
        byte[] authToken() {
            return Wire.readBytes(body.duplicate());
        }

        /** The event types of a REGISTER. */
        List<String> eventTypes() {
            return Wire.readStringList(body.duplicate());
        }

        /** The single request frame making up all of {@code in}, which is released. */
        static RequestFrame readOnly(ByteBuf in, Compressor compressor) {
            try {
                RequestFrame f = read(in, compressor);
                if (f == null || in.isReadable()) throw new IllegalStateException("not exactly one frame");
                return f;
            } finally {
                in.release();
            }
        }
    }

    /** A whole response frame. */
    static ByteBuf response(ProtocolVersion version, int stream, Response response) {
        ByteBuf out = Unpooled.buffer();
        ResponseEncoder.encodeFrame(response, out, version, stream);
        return out;
    }

    /** A whole v4 response frame with its body compressed, flagged so. */
    static ByteBuf compressedResponse(int stream, Response response, Compressor compressor) {
        ByteBuf body = Unpooled.buffer();
        ResponseEncoder.encode(response, body, ProtocolVersion.V4);
        ByteBuf compressed = compressor.compress(body);
        ByteBuf out = Unpooled.buffer();
        FrameCodec.encodeResponse(out, ProtocolVersion.V4, FrameFlags.COMPRESSED, stream,
                ResponseEncoder.opcode(response), compressed);
        return out;
    }

    /** Records what a request's callback was given. */
    static class Recorder implements ResponseCallback {
        final List<Frame> responses = new ArrayList<>();
        final List<Throwable> failures = new ArrayList<>();

        @Override
        public void onResponse(Frame frame) {
            responses.add(frame);
        }

        @Override
        public void onFailure(Throwable error) {
            failures.add(error);
        }

        int calls() {
            return responses.size() + failures.size();
        }
    }

    /** A QUERY request whose answer goes to {@code callback}. */
    static InFlightRequest<?> query(String cql, ResponseCallback callback) {
        return InFlightRequest.of(new Query(cql, QueryParameters.of(Consistency.ONE, Values.NONE)), false, null, callback);
    }

    /**
     * The request end of a connection's pipeline, as {@code ConnectionFactory} builds it for v4
     * (without TLS and the idle watch): bytes in, frames out.
     */
    static EmbeddedChannel requestPipeline(FrameBatcher batcher, StreamDispatcher dispatcher) {
        return new EmbeddedChannel(new FrameDecoder(FrameCodec.DEFAULT_MAX_BODY_LENGTH), batcher, dispatcher);
    }

    /** Options for loopback tests: generous timeouts, quiet heartbeat, negotiated version. */
    static ConnectionOptions options(Compression compression, AuthProvider auth, ProtocolVersion pinned) {
        return options(compression, auth, pinned, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    static ConnectionOptions options(Compression compression, AuthProvider auth, ProtocolVersion pinned,
                                     Duration connectTimeout, Duration heartbeat, Duration idle) {
        return new ConnectionOptions(connectTimeout, compression, auth, true, null, heartbeat, idle, 32768,
                FrameCodec.DEFAULT_MAX_BODY_LENGTH, null, false, pinned, "jsylla-test", "0.0.0");
    }

    /**
     * Closes a channel whose decoder already failed: on close the decoder tries its leftover bytes
     * once more and fails again, which is expected and not what the test is about.
     */
    static void closeQuietly(EmbeddedChannel ch) {
        try {
            ch.finishAndReleaseAll();
        } catch (DecoderException expected) {
            ch.releaseInbound();
            ch.releaseOutbound();
        }
    }

    /** Waits for a condition that other threads make true; the bound only keeps a broken test from hanging. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A QUERY that writes part of its body, then fails to encode the rest: what must leave no trace in the batch. */
    static io.jsylla.internal.protocol.Request unencodable() {
        return new io.jsylla.internal.protocol.Request() {
            @Override
            public int opcode() {
                return io.jsylla.internal.protocol.Opcode.QUERY;
            }

            @Override
            public void encode(io.netty.buffer.ByteBuf out, io.jsylla.internal.protocol.ProtocolVersion version) {
                out.writeLong(42);
                throw new IllegalArgumentException("unencodable value");
            }
        };
    }
}
