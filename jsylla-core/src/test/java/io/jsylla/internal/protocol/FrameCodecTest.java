package io.jsylla.internal.protocol;

import io.jsylla.Consistency;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.jsylla.internal.protocol.Hex.buf;
import static io.jsylla.internal.protocol.Hex.hex;
import static io.jsylla.internal.protocol.Hex.nio;
import static io.jsylla.internal.protocol.Hex.norm;
import static io.jsylla.internal.protocol.ProtocolVersion.V4;
import static io.jsylla.internal.protocol.ProtocolVersion.V5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 9-byte header of spec section 2 and the body prefixes announced by its flags. */
class FrameCodecTest {

    private static final Query QUERY = new Query("Q", QueryParameters.of(Consistency.ONE, Values.NONE));

    private static ByteBuf encode(ProtocolVersion v, int stream, boolean tracing, Map<String, java.nio.ByteBuffer> payload,
                                  Request request, Compressor compressor) {
        ByteBuf out = Unpooled.buffer();
        FrameCodec.encode(out, v, stream, tracing, payload, request, compressor);
        return out;
    }

    @Test
    void requestHeaderLayout() {
        // version, flags, [short] stream, opcode, [int] length
        assertThat(hex(encode(V4, 1, false, null, Options.INSTANCE, null))).isEqualTo(norm("04 00 0001 05 00000000"));
        assertThat(hex(encode(V5, 0x7fff, false, Map.of(), Options.INSTANCE, null)))
                .isEqualTo(norm("05 00 7fff 05 00000000"));
        assertThat(hex(encode(V4, 2, false, null, QUERY, null)))
                .isEqualTo(norm("04 00 0002 07 00000008 | 00000001 51 0001 00"));
    }

    @Test
    void encodedLengthIsHeaderPlusBody() {
        for (ProtocolVersion v : ProtocolVersion.values()) {
            ByteBuf out = Unpooled.buffer();
            out.writeBytes(new byte[] {9, 9, 9}); // frames are appended after what is already there
            FrameCodec.encode(out, v, 3, false, null, QUERY, null);
            ByteBuf body = Unpooled.buffer();
            QUERY.encode(body, v);
            assertThat(out.readableBytes()).isEqualTo(3 + FrameCodec.HEADER_LENGTH + body.readableBytes());
            assertThat(out.getInt(3 + 5)).isEqualTo(body.readableBytes());
        }
    }

    @Test
    void tracingFlagOnlyForTraceableRequests() {
        assertThat(encode(V4, 1, true, null, QUERY, null).getByte(1)).isEqualTo((byte) FrameFlags.TRACING);
        assertThat(encode(V4, 1, true, null, Options.INSTANCE, null).getByte(1)).isZero();
        assertThat(encode(V4, 1, true, null, new Startup(Map.of()), null).getByte(1)).isZero();
    }

    @Test
    void customPayloadOpensTheBody() {
        ByteBuf frame = encode(V5, 1, false, Map.of("k", nio("01")), QUERY, null);
        assertThat(hex(frame)).isEqualTo(norm("05 04 0001 07 00000015 | 0001 0001 6b 00000001 01 | 00000001 51 0001 00000000"));
    }

    @Test
    void streamIdMustBeARequestStream() {
        assertThatThrownBy(() -> encode(V4, -1, false, null, QUERY, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encode(V4, 32768, false, null, QUERY, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failedEncodingLeavesTheBufferUntouched() {
        ByteBuf out = Unpooled.buffer().writeByte(7);
        assertThatThrownBy(() -> FrameCodec.encode(out, V4, 1, false, null, new Prepare("Q", "ks"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(hex(out)).isEqualTo("07");
    }

    @Test
    void frameLengthPeeksWithoutConsuming() {
        ByteBuf in = buf("84 00 0001 02 00000003 aabbcc");
        assertThat(FrameCodec.frameLength(in, 100)).isEqualTo(12);
        assertThat(in.readerIndex()).isZero();
        assertThat(FrameCodec.frameLength(buf("84 00 0001 02 0000"), 100)).isEqualTo(-1);
    }

    @Test
    void frameLengthAcceptsResponsesOfVersions3To6() {
        for (String v : List.of("83", "84", "85", "86")) {
            assertThat(FrameCodec.frameLength(buf(v, "00 0000 00 00000000"), 10)).isEqualTo(9);
        }
    }

    @Test
    void decodeResponseHeader() {
        ByteBuf in = buf("85 00 ffff 0c 00000002 abcd | 85 00 0005 02 00000000");
        Frame frame = FrameCodec.decode(in, null);
        assertThat(frame.version()).isEqualTo(V5);
        assertThat(frame.streamId()).isEqualTo(-1);
        assertThat(frame.opcode()).isEqualTo(Opcode.EVENT);
        assertThat(frame.tracingId()).isNull();
        assertThat(frame.warnings()).isEmpty();
        assertThat(frame.customPayload()).isEmpty();
        assertThat(hex(frame.body())).isEqualTo("abcd");
        assertThat(frame.body().hasArray()).isTrue();
        assertThat(in.readerIndex()).isEqualTo(11);
        assertThat(FrameCodec.decode(in, null).streamId()).isEqualTo(5);
        assertThat(in.isReadable()).isFalse();
    }

    @Test
    void lowerVersionResponseIsReadableForNegotiation() {
        // A v4-only server answers a v5 STARTUP with a v4 PROTOCOL_ERROR frame.
        ByteBuf body = Unpooled.buffer();
        ErrorResponse.simple(ErrorResponse.PROTOCOL_ERROR, "Invalid or unsupported protocol version (5)").encode(body, V4);
        ByteBuf in = Unpooled.buffer();
        FrameCodec.encodeResponse(in, V4, 0, 0, Opcode.ERROR, body);
        Frame frame = FrameCodec.decode(in, null);
        assertThat(frame.version()).isEqualTo(V4);
        ErrorResponse error = (ErrorResponse) Responses.decode(frame);
        assertThat(error.code()).isEqualTo(ErrorResponse.PROTOCOL_ERROR);
        assertThat(error.message()).contains("unsupported protocol version");
        assertThat(FrameCodec.decode(buf("83 00 0000 00 00000000"), null).version()).isEqualTo(V4);
    }

    @Test
    void tracingIdWarningsAndCustomPayloadAreStrippedInThatOrder() {
        UUID tracing = UUID.fromString("01020304-0506-0708-090a-0b0c0d0e0f10");
        ByteBuf in = buf("84 0e 0007 08 00000027", // body: 16 + 9 + 10 + 4 bytes
                "0102030405060708090a0b0c0d0e0f10", // [uuid] tracing id
                "0002 0001 77 0002 7878",           // [string list] warnings "w", "xx"
                "0001 0001 70 00000001 09",         // [bytes map] custom payload p -> 09
                "00000001");                        // RESULT Void
        Frame frame = FrameCodec.decode(in, null);
        assertThat(frame.flags()).isEqualTo(FrameFlags.TRACING | FrameFlags.WARNING | FrameFlags.CUSTOM_PAYLOAD);
        assertThat(frame.tracingId()).isEqualTo(tracing);
        assertThat(frame.warnings()).containsExactly("w", "xx");
        assertThat(frame.customPayload()).containsOnlyKeys("p");
        assertThat(frame.customPayload().get("p")).isEqualTo(nio("09"));
        assertThat(hex(frame.body())).isEqualTo("00000001");
        assertThat(Responses.decode(frame)).isEqualTo(new VoidResult());
    }

    @Test
    void encodeResponseRoundTrip() {
        ByteBuf body = buf("00000003 0002 6b73");
        ByteBuf out = Unpooled.buffer();
        FrameCodec.encodeResponse(out, V5, FrameFlags.USE_BETA, 12, Opcode.RESULT, body);
        assertThat(hex(out)).isEqualTo(norm("85 10 000c 08 00000008 00000003 0002 6b73"));
        assertThat(body.readerIndex()).isZero();
        Frame frame = FrameCodec.decode(out, null);
        assertThat(Responses.decode(frame)).isEqualTo(new SetKeyspaceResult("ks"));
    }
}
