package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.jsylla.internal.protocol.Hex.buf;
import static io.jsylla.internal.protocol.Hex.bytes;
import static io.jsylla.internal.protocol.Hex.hex;
import static io.jsylla.internal.protocol.Hex.nio;
import static io.jsylla.internal.protocol.Hex.norm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The notations of spec section 3. */
class WireTest {

    @Test
    void strings() {
        ByteBuf out = Unpooled.buffer();
        Wire.writeString("ab", out);
        Wire.writeLongString("ab", out);
        assertThat(hex(out)).isEqualTo(norm("0002 6162 | 00000002 6162"));
        assertThat(Wire.readString(out)).isEqualTo("ab");
        assertThat(Wire.readLongString(out)).isEqualTo("ab");
        assertThatThrownBy(() -> Wire.writeString("x".repeat(65536), Unpooled.buffer()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytesAndShortBytes() {
        ByteBuf out = Unpooled.buffer();
        Wire.writeBytes(new byte[] {1, 2}, out);
        Wire.writeBytes((byte[]) null, out);
        Wire.writeShortBytes(new byte[] {3}, out);
        assertThat(hex(out)).isEqualTo(norm("00000002 0102 | ffffffff | 0001 03"));
        assertThat(Wire.readBytes(out)).containsExactly(1, 2);
        assertThat(Wire.readBytes(out)).isNull();
        assertThat(Wire.readShortBytes(out)).containsExactly(3);
        assertThat(Wire.readBytes(buf("fffffffe"))).isNull(); // any negative length is null for [bytes]
    }

    @Test
    void valuesNullUnsetAndContent() {
        ByteBuffer value = nio("aabbcc");
        value.position(1); // only the remaining bytes are written, and the position is left alone
        ByteBuf out = Unpooled.buffer();
        Wire.writeValue(value, out);
        Wire.writeValue(null, out);
        Wire.writeValue(Values.UNSET_VALUE, out);
        Wire.writeValue(ByteBuffer.allocate(0), out); // empty, not unset: identity matters
        assertThat(hex(out)).isEqualTo(norm("00000002 bbcc | ffffffff | fffffffe | 00000000"));
        assertThat(value.position()).isEqualTo(1);
        assertThat(Wire.readValue(out)).isEqualTo(nio("bbcc"));
        assertThat(Wire.readValue(out)).isNull();
        assertThat(Wire.readValue(out)).isSameAs(Values.UNSET_VALUE);
        assertThat(Wire.readValue(out)).isEqualTo(ByteBuffer.allocate(0)).isNotSameAs(Values.UNSET_VALUE);
    }

    @Test
    void listsAndMapsKeepWireOrder() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("b", "1");
        map.put("a", "2");
        Map<String, List<String>> multimap = new LinkedHashMap<>();
        multimap.put("k", List.of("x", "y"));
        Map<String, ByteBuffer> bytesMap = new LinkedHashMap<>();
        bytesMap.put("p", nio("01"));
        bytesMap.put("n", null);
        ByteBuf out = Unpooled.buffer();
        Wire.writeStringList(List.of("x"), out);
        Wire.writeStringMap(map, out);
        Wire.writeStringMultimap(multimap, out);
        Wire.writeBytesMap(bytesMap, out);
        assertThat(hex(out)).isEqualTo(norm("0001 0001 78",
                "| 0002 0001 62 0001 31 0001 61 0001 32",
                "| 0001 0001 6b 0002 0001 78 0001 79",
                "| 0002 0001 70 00000001 01 0001 6e ffffffff"));
        assertThat(Wire.readStringList(out)).containsExactly("x");
        assertThat(Wire.readStringMap(out)).containsExactly(Map.entry("b", "1"), Map.entry("a", "2"));
        assertThat(Wire.readStringMultimap(out)).containsExactly(Map.entry("k", List.of("x", "y")));
        Map<String, ByteBuffer> readBack = Wire.readBytesMap(out);
        assertThat(readBack).containsKeys("p", "n");
        assertThat(readBack.get("n")).isNull();
    }

    @Test
    void uuidAndInet() throws Exception {
        UUID uuid = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByAddress(bytes("0a000102")), 9042);
        ByteBuf out = Unpooled.buffer();
        Wire.writeUuid(uuid, out);
        Wire.writeInet(v4, out);
        Wire.writeInetAddr(InetAddress.getByAddress(bytes("20010db8000000000000000000000001")), out);
        assertThat(hex(out)).isEqualTo(norm("00112233445566778899aabbccddeeff | 04 0a000102 00002352",
                "| 10 20010db8000000000000000000000001"));
        assertThat(Wire.readUuid(out)).isEqualTo(uuid);
        assertThat(Wire.readInet(out)).isEqualTo(v4);
        assertThat(Wire.readInetAddr(out).getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void valuesOfAndNamed() {
        Values positional = Values.of(java.util.Arrays.asList(nio("01"), null));
        assertThat(positional.size()).isEqualTo(2);
        assertThat(positional.names()).isNull();
        ByteBuf out = Unpooled.buffer();
        positional.write(1, out);
        assertThat(hex(out)).isEqualTo("ffffffff");
        assertThat(Values.named(List.of("a"), List.of(nio("01"))).names()).containsExactly("a");
        assertThat(Values.NONE.size()).isZero();
        assertThatThrownBy(() -> Values.named(List.of("a", "b"), List.of(nio("01"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void protocolVersionAndOpcodes() {
        assertThat(ProtocolVersion.fromCode(4)).isEqualTo(ProtocolVersion.V4);
        assertThat(ProtocolVersion.fromCode(5)).isEqualTo(ProtocolVersion.V5);
        assertThatThrownBy(() -> ProtocolVersion.fromCode(3)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ProtocolVersion.LATEST).isEqualTo(ProtocolVersion.V5).isSameAs(ProtocolVersion.latest());
        assertThat(ProtocolVersion.V5.lower()).isEqualTo(ProtocolVersion.V4);
        assertThat(ProtocolVersion.V4.lower()).isNull();
        assertThat(ProtocolVersion.V5.usesSegments()).isTrue();
        assertThat(ProtocolVersion.V4.usesSegments()).isFalse();
        assertThat(Opcode.name(Opcode.AUTH_SUCCESS)).isEqualTo("AUTH_SUCCESS");
        assertThat(Opcode.name(0x04)).isEqualTo("UNKNOWN(0x04)");
    }
}
