package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.jsylla.Unset;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import static io.jsylla.internal.codec.CodecTesting.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodecsTest {

    @Test
    void codecsAreCachedPerType() {
        for (DataType.Kind kind : DataType.Kind.values()) {
            if (kind.isPrimitive()) {
                DataType t = DataType.primitive(kind);
                assertThat(Codecs.of(t)).isSameAs(Codecs.of(t));
                assertThat(Codecs.of(t).type()).isEqualTo(t);
            }
        }
        DataType a = DataType.map(DataType.TEXT, DataType.list(DataType.INT, true));
        DataType b = DataType.map(DataType.TEXT, DataType.list(DataType.INT, true));
        assertThat(a).isNotSameAs(b);
        assertThat(Codecs.of(a)).isSameAs(Codecs.of(b));
        assertThat(Codecs.of(a).type()).isEqualTo(a);
        assertThat(Codecs.of(DataType.list(DataType.INT))).isNotSameAs(Codecs.of(DataType.list(DataType.INT, true)));
        assertThat(Codecs.of(DataType.custom("a.B"))).isSameAs(Codecs.of(DataType.custom("a.B")));
        assertThat(Codecs.of(DataType.vector(DataType.FLOAT, 3))).isSameAs(Codecs.of(DataType.vector(DataType.FLOAT, 3)));
    }

    @Test
    void encodeForColumn() {
        assertThat(hex(Codecs.encodeForColumn("age", DataType.INT, 3L))).isEqualTo("00000003");
        assertThat(Codecs.encodeForColumn("age", DataType.INT, null)).isNull();
        assertThat(Codecs.encodeForColumn("age", DataType.INT, Unset.VALUE)).isSameAs(Codecs.UNSET);
        assertThat(Codecs.encodeForColumn("name", DataType.TEXT, "")).isNotSameAs(Codecs.UNSET);
    }

    @Test
    void encodeForColumnErrorsNameColumnTypeAndValue() {
        assertThatThrownBy(() -> Codecs.encodeForColumn("age", DataType.INT, "abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot bind value for column 'age' (int): java.lang.String \"abc\" is not convertible"
                        + " (cannot bind java.lang.String to int)")
                .hasCauseInstanceOf(CodecException.class);
        assertThatThrownBy(() -> Codecs.encodeForColumn("n", DataType.SMALLINT, 70000))
                .hasMessage("Cannot bind value for column 'n' (smallint): java.lang.Integer 70000 is not convertible"
                        + " (70000 out of range for smallint)");
        assertThatThrownBy(() -> Codecs.encodeForColumn("tags", DataType.list(DataType.INT), List.of("x")))
                .hasMessageContaining("column 'tags' (list<int>)")
                .hasMessageContaining("java.util.")
                .hasMessageContaining("cannot bind java.lang.String to int");
        assertThatThrownBy(() -> Codecs.encodeForColumn("long", DataType.INT, "x".repeat(500)))
                .hasMessageContaining("...")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(250));
    }

    @Test
    void decodeDelegatesAndHandlesNull() {
        io.netty.buffer.ByteBuf buf = io.netty.buffer.Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 7});
        assertThat(Codecs.decode(DataType.INT, buf, 0, 4)).isEqualTo(7);
        assertThat(Codecs.decode(DataType.INT, buf, 0, -1)).isNull();
        assertThat(Codecs.decode(DataType.INT, buf, 0, -2)).isNull();
    }

    @Test
    void normalizeReturnsNaturalTypes() {
        assertThat(Codecs.normalize(DataType.INT, 5L)).isEqualTo(5);
        assertThat(Codecs.normalize(DataType.INT, null)).isNull();
        assertThat(Codecs.normalize(DataType.map(DataType.TEXT, DataType.BIGINT), Map.of("a", 1))).isEqualTo(Map.of("a", 1L));
        assertThatThrownBy(() -> Codecs.normalize(DataType.INT, "x")).isInstanceOf(CodecException.class);
    }

    @Test
    void encodeToBufferIsAHeapCopy() {
        ByteBuffer b = Codecs.of(DataType.TEXT).encodeToBuffer("hi");
        assertThat(b.hasArray()).isTrue();
        assertThat(hex(b)).isEqualTo("6869");
    }

    @Test
    void literals() {
        assertThat(Literals.format("it's")).isEqualTo("'it''s'");
        assertThat(Literals.format(ByteBuffer.wrap(new byte[] {1, (byte) 0xff}))).isEqualTo("0x01ff");
        assertThat(Literals.format(List.of(1, "a"))).isEqualTo("[1, 'a']");
        assertThat(Literals.format(new java.util.LinkedHashSet<>(List.of(1, 2)))).isEqualTo("{1, 2}");
        assertThat(Literals.format(Map.of("k", List.of()))).isEqualTo("{'k': []}");
        assertThat(Literals.describe(null)).isEqualTo("null");
    }
}
