package io.jsylla.internal.routing;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingKeyTest {

    private static final HexFormat HEX = HexFormat.of();

    private static ByteBuffer buf(String hex) {
        return ByteBuffer.wrap(HEX.parseHex(hex));
    }

    private static String hex(ByteBuffer b) {
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        return HEX.formatHex(bytes);
    }

    @Test
    void singleComponentIsTheKeyItself() {
        ByteBuffer only = buf("0000002a");
        assertThat(RoutingKey.compose(List.of(only))).isSameAs(only);
    }

    @Test
    void compositeLayoutIsLengthBytesAndEndOfComponent() {
        // (int 42, text 'ab', empty blob): [00 04][0000002a][00] [00 02][6162][00] [00 00][][00]
        ByteBuffer key = RoutingKey.compose(List.of(buf("0000002a"), buf("6162"), buf("")));
        assertThat(hex(key)).isEqualTo("00040000002a00" + "0002616200" + "000000");
        assertThat(key.position()).isZero();
    }

    @Test
    void componentsAreReadFromPositionToLimitAndNotConsumed() {
        ByteBuffer a = ByteBuffer.wrap(HEX.parseHex("ee0102ee"), 1, 2);
        ByteBuffer b = ByteBuffer.allocateDirect(3).put(HEX.parseHex("ff8000")).flip();
        assertThat(hex(RoutingKey.compose(List.of(a, b)))).isEqualTo("0002010200" + "0003ff800000");
        assertThat(a.position()).isEqualTo(1);
        assertThat(b.position()).isZero();
    }

    @Test
    void componentLengthIsAnUnsignedShort() {
        ByteBuffer big = ByteBuffer.allocate(0xFFFF);
        ByteBuffer key = RoutingKey.compose(List.of(big, buf("01")));
        assertThat(key.getShort(0) & 0xFFFF).isEqualTo(0xFFFF);
        assertThat(key.remaining()).isEqualTo(2 + 0xFFFF + 1 + 2 + 1 + 1);
        assertThatThrownBy(() -> RoutingKey.compose(List.of(ByteBuffer.allocate(0x10000), buf("01"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoutingKey.compose(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compositeKeyTokenMatchesReference() {
        // Murmur3 of 00040000000100 00040000000200 ((int 1, int 2)) from the Python code in Murmur3PartitionerTest.
        ByteBuffer key = RoutingKey.compose(List.of(buf("00000001"), buf("00000002")));
        assertThat(hex(key)).isEqualTo("00040000000100" + "00040000000200");
        assertThat(Murmur3Partitioner.INSTANCE.hash(key).toString()).isEqualTo("4881097376275569167");
    }
}
