package io.jsylla.internal.protocol;

import io.jsylla.Consistency;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import static io.jsylla.internal.protocol.Hex.buf;
import static io.jsylla.internal.protocol.Hex.bytes;
import static io.jsylla.internal.protocol.Hex.hex;
import static io.jsylla.internal.protocol.Hex.norm;
import static io.jsylla.internal.protocol.ProtocolVersion.V4;
import static io.jsylla.internal.protocol.ProtocolVersion.V5;
import static org.assertj.core.api.Assertions.assertThat;

/** Every error body of spec section 9, v4 and v5, with message "m" (0001 6d); decoded then re-encoded. */
class ErrorResponseTest {

    private static ErrorResponse decode(ProtocolVersion version, String... body) {
        ByteBuf frameBytes = Unpooled.buffer();
        FrameCodec.encodeResponse(frameBytes, version, 0, 1, Opcode.ERROR, buf(body));
        ErrorResponse error = (ErrorResponse) Responses.decode(FrameCodec.decode(frameBytes, null));
        assertThat(error.message()).isEqualTo("m");
        ByteBuf again = Unpooled.buffer();
        error.encode(again, version);
        assertThat(hex(again)).as("re-encoded").isEqualTo(norm(body));
        return error;
    }

    @Test
    void codeAndMessageOnlyErrors() {
        int[] codes = {ErrorResponse.SERVER_ERROR, ErrorResponse.PROTOCOL_ERROR, ErrorResponse.BAD_CREDENTIALS,
                ErrorResponse.OVERLOADED, ErrorResponse.IS_BOOTSTRAPPING, ErrorResponse.TRUNCATE_ERROR,
                ErrorResponse.CDC_WRITE_FAILURE, ErrorResponse.SYNTAX_ERROR, ErrorResponse.UNAUTHORIZED,
                ErrorResponse.INVALID, ErrorResponse.CONFIG_ERROR, 0xF000 /* unknown: kept as is */};
        for (ProtocolVersion v : ProtocolVersion.values()) {
            for (int code : codes) {
                ErrorResponse error = decode(v, String.format("%08x", code), "0001 6d");
                assertThat(error).isEqualTo(ErrorResponse.simple(code, "m"));
            }
        }
        assertThat(ErrorResponse.codeName(0x2200)).isEqualTo("INVALID");
        assertThat(ErrorResponse.codeName(0xF000)).isEqualTo("0xF000");
    }

    @Test
    void unavailable() {
        for (ProtocolVersion v : ProtocolVersion.values()) {
            ErrorResponse e = decode(v, "00001000 0001 6d | 0004 | 00000003 | 00000001");
            assertThat(e.code()).isEqualTo(ErrorResponse.UNAVAILABLE);
            assertThat(e.consistency()).isEqualTo(Consistency.QUORUM);
            assertThat(e.required()).isEqualTo(3);
            assertThat(e.alive()).isEqualTo(1);
        }
    }

    @Test
    void writeTimeout() {
        for (ProtocolVersion v : ProtocolVersion.values()) {
            // <cl><received><blockfor><writeType "SIMPLE">
            ErrorResponse e = decode(v, "00001100 0001 6d | 0001 | 00000000 | 00000001 | 0006 53494d504c45");
            assertThat(e.consistency()).isEqualTo(Consistency.ONE);
            assertThat(e.received()).isZero();
            assertThat(e.blockFor()).isEqualTo(1);
            assertThat(e.writeType()).isEqualTo("SIMPLE");
        }
    }

    @Test
    void v5CasWriteTimeoutHasContentions() {
        ErrorResponse e = decode(V5, "00001100 0001 6d | 0008 | 00000000 | 00000002 | 0003 434153 | 0000");
        assertThat(e.writeType()).isEqualTo("CAS");
        assertThat(e.consistency()).isEqualTo(Consistency.SERIAL);
        // v4 has no contentions: the same body without them
        assertThat(decode(V4, "00001100 0001 6d | 0008 | 00000000 | 00000002 | 0003 434153").writeType()).isEqualTo("CAS");
    }

    @Test
    void readTimeout() {
        for (ProtocolVersion v : ProtocolVersion.values()) {
            ErrorResponse e = decode(v, "00001200 0001 6d | 0006 | 00000001 | 00000002 | 01");
            assertThat(e.consistency()).isEqualTo(Consistency.LOCAL_QUORUM);
            assertThat(e.received()).isEqualTo(1);
            assertThat(e.blockFor()).isEqualTo(2);
            assertThat(e.dataPresent()).isTrue();
        }
    }

    @Test
    void readFailureV4HasNumFailures() {
        ErrorResponse e = decode(V4, "00001300 0001 6d | 0004 | 00000001 | 00000002 | 00000001 | 00");
        assertThat(e.numFailures()).isEqualTo(1);
        assertThat(e.reasonMap()).isEmpty();
        assertThat(e.dataPresent()).isFalse();
    }

    @Test
    void readFailureV5HasAReasonMap() throws Exception {
        ErrorResponse e = decode(V5, "00001300 0001 6d | 0004 | 00000001 | 00000002",
                "| 00000002 | 04 7f000001 0001 | 10 00000000000000000000000000000001 0003 | 01");
        assertThat(e.numFailures()).isEqualTo(2);
        assertThat(e.reasonMap()).containsExactly(
                Map.entry(InetAddress.getByAddress(bytes("7f000001")), 1),
                Map.entry(InetAddress.getByAddress(bytes("00000000000000000000000000000001")), 3));
        assertThat(e.dataPresent()).isTrue();
    }

    @Test
    void functionFailure() {
        for (ProtocolVersion v : ProtocolVersion.values()) {
            ErrorResponse e = decode(v, "00001400 0001 6d | 0002 6b73 | 0001 66 | 0002 0003 696e74 0004 74657874");
            assertThat(e.functionKeyspace()).isEqualTo("ks");
            assertThat(e.functionName()).isEqualTo("f");
            assertThat(e.argumentTypes()).containsExactly("int", "text");
        }
    }

    @Test
    void writeFailureV4() {
        ErrorResponse e = decode(V4, "00001500 0001 6d | 0001 | 00000000 | 00000001 | 00000001 | 0005 4241544348");
        assertThat(e.numFailures()).isEqualTo(1);
        assertThat(e.writeType()).isEqualTo("BATCH");
    }

    @Test
    void writeFailureV5() throws Exception {
        ErrorResponse e = decode(V5, "00001500 0001 6d | 0001 | 00000000 | 00000001 | 00000001 04 0a000001 0000 | 0005 4241544348");
        assertThat(e.numFailures()).isEqualTo(1);
        assertThat(e.reasonMap()).containsExactly(Map.entry(InetAddress.getByAddress(bytes("0a000001")), 0));
        assertThat(e.writeType()).isEqualTo("BATCH");
    }

    @Test
    void casWriteUnknown() {
        for (ProtocolVersion v : ProtocolVersion.values()) {
            ErrorResponse e = decode(v, "00001700 0001 6d | 0009 | 00000000 | 00000002");
            assertThat(e.consistency()).isEqualTo(Consistency.LOCAL_SERIAL);
            assertThat(e.blockFor()).isEqualTo(2);
        }
    }

    @Test
    void alreadyExists() {
        for (ProtocolVersion v : ProtocolVersion.values()) {
            ErrorResponse e = decode(v, "00002400 0001 6d | 0002 6b73 | 0001 74");
            assertThat(e.keyspace()).isEqualTo("ks");
            assertThat(e.table()).isEqualTo("t");
        }
        assertThat(decode(V4, "00002400 0001 6d | 0002 6b73 | 0000").table()).isEmpty();
    }

    @Test
    void unprepared() {
        for (ProtocolVersion v : ProtocolVersion.values()) {
            assertThat(decode(v, "00002500 0001 6d | 0002 abcd").unpreparedId()).isEqualTo(bytes("abcd"));
        }
    }

    @Test
    void unusedFieldsAreEmpty() {
        ErrorResponse e = ErrorResponse.simple(ErrorResponse.INVALID, "m");
        assertThat(e.consistency()).isNull();
        assertThat(e.reasonMap()).isEmpty();
        assertThat(e.argumentTypes()).isEqualTo(List.of());
        assertThat(e.unpreparedId()).isNull();
    }
}
