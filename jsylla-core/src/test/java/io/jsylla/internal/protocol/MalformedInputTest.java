package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static io.jsylla.internal.protocol.Hex.buf;
import static io.jsylla.internal.protocol.ProtocolVersion.V4;
import static io.jsylla.internal.protocol.ProtocolVersion.V5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hostile or broken bytes fail with a CodecException, never an IndexOutOfBounds, an OOM or a hang. */
class MalformedInputTest {

    private static Frame frame(ProtocolVersion v, int opcode, String... body) {
        ByteBuf out = Unpooled.buffer();
        FrameCodec.encodeResponse(out, v, 0, 1, opcode, buf(body));
        return FrameCodec.decode(out, null);
    }

    @Test
    void badVersionBytes() {
        for (String version : new String[] {"04", "05", "82", "87", "ff", "00"}) {
            assertThatThrownBy(() -> FrameCodec.frameLength(buf(version, "00 0001 02 00000000"), 100))
                    .isInstanceOf(CodecException.class).hasMessageContaining("version");
            assertThatThrownBy(() -> FrameCodec.decode(buf(version, "00 0001 02 00000000"), null))
                    .isInstanceOf(CodecException.class);
        }
    }

    @Test
    void bodyLengthBeyondMaxOrNegative() {
        assertThatThrownBy(() -> FrameCodec.frameLength(buf("84 00 0001 02 00000065"), 100))
                .isInstanceOf(CodecException.class).hasMessageContaining("101");
        assertThatThrownBy(() -> FrameCodec.frameLength(buf("84 00 0001 02 ffffffff"), 100))
                .isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> FrameCodec.frameLength(buf("84 00 0001 02 7fffffff"), Integer.MAX_VALUE))
                .isInstanceOf(CodecException.class);
    }

    @Test
    void truncatedFrames() {
        assertThatThrownBy(() -> FrameCodec.decode(buf("84 00 0001 08 00000004 0000"), null))
                .isInstanceOf(CodecException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> FrameCodec.decode(buf("84 00 0001"), null))
                .isInstanceOf(CodecException.class).hasMessageContaining("truncated");
    }

    @Test
    void truncatedBodyPrefixes() {
        // tracing flag but only 4 bytes of the 16-byte uuid
        assertThatThrownBy(() -> FrameCodec.decode(buf("84 02 0001 02 00000004 01020304"), null))
                .isInstanceOf(CodecException.class);
        // warnings flag, list claims one string of 5 bytes, 1 present
        assertThatThrownBy(() -> FrameCodec.decode(buf("84 08 0001 02 00000005 0001 0005 61"), null))
                .isInstanceOf(CodecException.class);
    }

    @Test
    void truncatedMessageBodies() {
        assertThatThrownBy(() -> Responses.decode(frame(V4, Opcode.AUTHENTICATE, "00")))
                .isInstanceOf(CodecException.class).hasMessageContaining("AUTHENTICATE");
        assertThatThrownBy(() -> Responses.decode(frame(V4, Opcode.AUTHENTICATE, "0010 6162")))
                .isInstanceOf(CodecException.class).hasMessageContaining("16");
        assertThatThrownBy(() -> Responses.decode(frame(V4, Opcode.RESULT, "00000002 00000001")))
                .isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> Responses.decode(frame(V4, Opcode.ERROR, "00001000 0000 0001")))
                .isInstanceOf(CodecException.class);
    }

    @Test
    void hugeDeclaredLengthsDoNotAllocate() {
        assertThatThrownBy(() -> Responses.decode(frame(V4, Opcode.AUTH_CHALLENGE, "7fffffff 00")))
                .isInstanceOf(CodecException.class).hasMessageContaining("2147483647");
        // prepared metadata announcing 2^31-1 partition key indexes
        assertThatThrownBy(() -> Responses.decode(frame(V4, Opcode.RESULT,
                "00000004 0001 aa | 00000000 00000000 7fffffff")))
                .isInstanceOf(CodecException.class);
        // v5 failure reason map announcing 2^31-1 entries
        assertThatThrownBy(() -> Responses.decode(frame(V5, Opcode.ERROR,
                "00001300 0000 0001 00000000 00000001 7fffffff")))
                .isInstanceOf(CodecException.class).hasMessageContaining("reason map");
        // rows metadata announcing 2^31-1 columns with a few bytes behind
        assertThatThrownBy(() -> Responses.decode(frame(V4, Opcode.RESULT, "00000002 00000000 7fffffff 0001 61")))
                .isInstanceOf(CodecException.class);
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> Responses.decode(frame(V4, Opcode.RESULT, "00000002 00000000 ffffffff")))
                .isInstanceOf(CodecException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> Responses.decode(frame(V4, Opcode.RESULT, "00000002 00000004 00000000 ffffffff")))
                .isInstanceOf(CodecException.class).hasMessageContaining("negative row count");
    }

    @Test
    void valueLengthBelowMinusTwo() {
        assertThatThrownBy(() -> Wire.readValue(buf("fffffffd")))
                .isInstanceOf(CodecException.class).hasMessageContaining("-3");
        assertThat(Wire.readValue(buf("ffffffff"))).isNull();
        assertThat(Wire.readValue(buf("fffffffe"))).isSameAs(Values.UNSET_VALUE);
        assertThatThrownBy(() -> Wire.readValue(buf("00000005 0102"))).isInstanceOf(CodecException.class);
    }

    @Test
    void unknownOpcodeKindEventAndTargets() {
        assertThatThrownBy(() -> Responses.decode(frame(V4, Opcode.QUERY, "")))
                .isInstanceOf(CodecException.class).hasMessageContaining("QUERY");
        assertThatThrownBy(() -> Responses.decode(frame(V4, 0x42, "")))
                .isInstanceOf(CodecException.class).hasMessageContaining("0x42");
        assertThatThrownBy(() -> Responses.decode(frame(V4, Opcode.RESULT, "00000009")))
                .isInstanceOf(CodecException.class).hasMessageContaining("result kind 9");
        assertThatThrownBy(() -> Responses.decode(frame(V4, Opcode.EVENT, "0001 58")))
                .isInstanceOf(CodecException.class).hasMessageContaining("event type");
        assertThatThrownBy(() -> Responses.decode(frame(V4, Opcode.RESULT, "00000005 0001 41 0001 42 0002 6b73")))
                .isInstanceOf(CodecException.class).hasMessageContaining("target");
    }

    @Test
    void badPrimitives() {
        assertThatThrownBy(() -> Wire.readInetAddr(buf("05 0102030405"))).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> Wire.readConsistency(buf("00ff"))).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> Wire.readLongString(buf("ffffffff"))).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> Wire.readUuid(buf("0102"))).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> TypeCodec.read(buf("0099"))).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> Wire.readInet(buf("04 7f000001 00010000"))).isInstanceOf(CodecException.class)
                .hasMessageContaining("port");
    }

    @Test
    void deeplyNestedTypesAreRefused() {
        ByteBuf in = Unpooled.buffer();
        for (int i = 0; i < 10_000; i++) in.writeShort(0x0020); // list<list<list<...
        in.writeShort(0x0009);
        assertThatThrownBy(() -> TypeCodec.read(in)).isInstanceOf(CodecException.class).hasMessageContaining("deeper");
        String deep = "ListType(".repeat(5000) + "Int32Type" + ")".repeat(5000);
        assertThatThrownBy(() -> TypeCodec.fromMarshalClass(deep)).isInstanceOf(CodecException.class);
    }

    @Test
    void compressedFrameWithoutAgreedCompression() {
        assertThatThrownBy(() -> FrameCodec.decode(buf("84 01 0001 02 00000004 00000000"), null))
                .isInstanceOf(CodecException.class).hasMessageContaining("compress");
    }
}
