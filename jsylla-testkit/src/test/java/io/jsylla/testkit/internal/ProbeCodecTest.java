package io.jsylla.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Byte vectors written from doc/native_protocol_v4.spec. */
class ProbeCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void encodesAnOptionsFrame() {
        // version 4, flags 0, stream 1, opcode OPTIONS (0x05), empty body
        assertThat(HEX.formatHex(ProbeCodec.frame(1, ProbeCodec.OPTIONS, new byte[0]))).isEqualTo("040000010500000000");
    }

    @Test
    void encodesAStartupStringMap() {
        // [short n=1][string "CQL_VERSION"][string "3.0.0"]
        assertThat(HEX.formatHex(ProbeCodec.stringMap(Map.of("CQL_VERSION", "3.0.0"))))
                .isEqualTo("0001" + "000b" + HEX.formatHex("CQL_VERSION".getBytes()) + "0005" + HEX.formatHex("3.0.0".getBytes()));
    }

    @Test
    void encodesAQueryAtConsistencyOneWithAPageSize() {
        String expected = "00000001" + "78" + "0001" + "04" + "00001388";
        assertThat(HEX.formatHex(ProbeCodec.query("x", 5000, null))).isEqualTo(expected);
        assertThat(HEX.formatHex(ProbeCodec.query("x", 5000, ByteBuffer.wrap(new byte[] {9}))))
                .isEqualTo("00000001" + "78" + "0001" + "0c" + "00001388" + "00000001" + "09");
    }

    @Test
    void readsASupportedFrame() throws IOException {
        // response version 0x84, stream 0, SUPPORTED, body: {"COMPRESSION": ["lz4"]}
        String body = "0001" + "000b" + HEX.formatHex("COMPRESSION".getBytes()) + "0001" + "0003" + HEX.formatHex("lz4".getBytes());
        byte[] frame = HEX.parseHex("8400000006" + String.format("%08x", body.length() / 2) + body);
        ProbeCodec.Frame f = ProbeCodec.readFrame(new ByteArrayInputStream(frame));
        assertThat(f.opcode()).isEqualTo(ProbeCodec.SUPPORTED);
        assertThat(ProbeCodec.readStringMultimap(f.body())).isEqualTo(Map.of("COMPRESSION", List.of("lz4")));
    }

    @Test
    void skipsTracingIdAndWarningsBeforeTheBody() throws IOException {
        String uuid = "00112233445566778899aabbccddeeff";
        String warnings = "0001" + "0002" + HEX.formatHex("hi".getBytes());
        String body = uuid + warnings + "00000001"; // then a VOID result
        byte[] frame = HEX.parseHex("840a000008" + String.format("%08x", body.length() / 2) + body);
        ProbeCodec.Frame f = ProbeCodec.readFrame(new ByteArrayInputStream(frame));
        assertThat(f.body().getInt()).isEqualTo(1);
    }

    @Test
    void rejectsARequestVersionAndAnAbsurdLength() {
        assertThatThrownBy(() -> ProbeCodec.readFrame(new ByteArrayInputStream(HEX.parseHex("040000000600000000"))))
                .hasMessageContaining("version");
        assertThatThrownBy(() -> ProbeCodec.readFrame(new ByteArrayInputStream(HEX.parseHex("8400000006ffffffff"))))
                .hasMessageContaining("length");
    }

    @Test
    void decodesCommonTypes() throws Exception {
        ProbeCodec.Type text = new ProbeCodec.Type(0x0D, null, List.of(), List.of());
        assertThat(ProbeCodec.decode(text, ByteBuffer.wrap("hé".getBytes("UTF-8")))).isEqualTo("hé");
        assertThat(ProbeCodec.decode(type(0x09), ByteBuffer.wrap(HEX.parseHex("ffffffff")))).isEqualTo(-1);
        assertThat(ProbeCodec.decode(type(0x02), ByteBuffer.wrap(HEX.parseHex("0000000000000100")))).isEqualTo(256L);
        assertThat(ProbeCodec.decode(type(0x0C), ByteBuffer.wrap(HEX.parseHex("00000000000000010000000000000002"))))
                .isEqualTo(new UUID(1, 2));
        assertThat(ProbeCodec.decode(type(0x10), ByteBuffer.wrap(HEX.parseHex("7f000002"))))
                .isEqualTo(InetAddress.getByName("127.0.0.2"));
        assertThat(ProbeCodec.decode(type(0x0B), ByteBuffer.wrap(HEX.parseHex("00000000000003e8")))).isEqualTo(Instant.ofEpochSecond(1));
        // date: days with 2^31 as the epoch
        assertThat(ProbeCodec.decode(type(0x11), ByteBuffer.wrap(HEX.parseHex("80000001")))).isEqualTo(LocalDate.of(1970, 1, 2));
        assertThat(ProbeCodec.decode(type(0x09), null)).isNull();
    }

    @Test
    void decodesCollections() {
        ProbeCodec.Type setOfInt = new ProbeCodec.Type(0x22, null, List.of(type(0x09)), List.of());
        // [int n=2] [bytes 4: 1] [bytes 4: 2]
        ByteBuffer v = ByteBuffer.wrap(HEX.parseHex("00000002" + "0000000400000001" + "0000000400000002"));
        assertThat(ProbeCodec.decode(setOfInt, v)).isEqualTo(Set.of(1, 2));
        ProbeCodec.Type mapType = ProbeCodec.readType(ByteBuffer.wrap(HEX.parseHex("0021" + "000d" + "0009")));
        ByteBuffer m = ByteBuffer.wrap(HEX.parseHex("00000001" + "00000001" + "61" + "00000004" + "00000007"));
        assertThat(ProbeCodec.decode(mapType, m)).isEqualTo(Map.of("a", 7));
    }

    private static ProbeCodec.Type type(int id) {
        return new ProbeCodec.Type(id, null, List.of(), List.of());
    }
}
