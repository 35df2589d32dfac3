package io.jsylla.testkit.scylla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class PreparedShapesTest {
    private static final byte[] ID = {1, 2, 3, 4};
    private static final int BIGINT = 0x0002, TEXT = 0x000D, INT = 0x0009;

    /** PREPARED for {@code INSERT INTO ks.t (a, b, c, v) VALUES (?, ?, ?, ?)} with PRIMARY KEY ((b, a), c). */
    private static ByteBuffer compositePrepared(boolean globalSpec) {
        Bodies b = new Bodies().shortBytes(ID).i32(globalSpec ? 1 : 0).i32(4).i32(2).i16(1).i16(0);
        if (globalSpec) b.string("ks").string("t");
        String[] names = {"a", "b", "c", "v"};
        int[] types = {BIGINT, TEXT, INT, TEXT};
        for (int i = 0; i < 4; i++) {
            if (!globalSpec) b.string("ks").string("t");
            b.string(names[i]).i16(types[i]);
        }
        return b.i32(0x0004).i32(0).buffer(); // result metadata: no metadata
    }

    @Test
    void readsTablePartitionKeyAndBindTypes() {
        for (boolean global : new boolean[] {true, false}) {
            PreparedShapes shapes = new PreparedShapes();
            PreparedShapes.Shape s = shapes.record(compositePrepared(global));
            assertThat(s.keyspace()).isEqualTo("ks");
            assertThat(s.table()).isEqualTo("t");
            assertThat(s.partitionKey()).containsExactly(1, 0);
            assertThat(s.names()).containsExactly("a", "b", "c", "v");
            assertThat(s.typeIds()).containsExactly(BIGINT, TEXT, INT, TEXT);
            assertThat(shapes.get(ID)).isSameAs(s);
        }
    }

    @Test
    void readsNestedTypesOnTheWayToLaterColumns() {
        // (k int, m map<text, frozen<list<int>>>, u udt{x int}) with k the key, index 2
        Bodies b = new Bodies().shortBytes(ID).i32(1).i32(3).i32(1).i16(2).string("ks").string("t")
                .string("m").i16(0x21).i16(TEXT).i16(0x20).i16(INT)
                .string("u").i16(0x30).string("ks").string("udt").i16(1).string("x").i16(INT)
                .string("k").i16(INT);
        PreparedShapes.Shape s = new PreparedShapes().record(b.buffer());
        assertThat(s.names()).containsExactly("m", "u", "k");
        assertThat(s.partitionKey()).containsExactly(2);
    }

    @Test
    void decodesACompositeKeyInKeyOrder() {
        PreparedShapes shapes = new PreparedShapes();
        shapes.record(compositePrepared(true));
        byte[] a = Bodies.bigint(42), bValue = Bodies.text("key");
        ByteBuffer execute = new Bodies().shortBytes(ID).i16(1).i8(0x01).i16(4)
                .bytes(a).bytes(bValue).bytes(new byte[] {0, 0, 0, 1}).bytes(Bodies.text("v")).buffer();
        PartitionKeyDecoder.RoutedExecute r = PartitionKeyDecoder.decode(execute, shapes);
        ByteBuffer expected = new Bodies().shortBytes(bValue).i8(0).shortBytes(a).i8(0).buffer();
        assertThat(r.routingKey()).isEqualTo(expected);
        assertThat(r.token()).isEqualTo(Murmur3Token.of(expected));
        assertThat(execute.position()).isZero();
    }

    @Test
    void decodesASingleKeyAndNamedValues() {
        PreparedShapes shapes = new PreparedShapes();
        shapes.record(new Bodies().shortBytes(ID).i32(1).i32(2).i32(1).i16(1).string("ks").string("t")
                .string("v").i16(TEXT).string("k").i16(BIGINT).i32(4).i32(0).buffer());
        ByteBuffer positional = new Bodies().shortBytes(ID).i16(1).i8(0x01).i16(2)
                .bytes(Bodies.text("x")).bytes(Bodies.bigint(7)).buffer();
        assertThat(PartitionKeyDecoder.decode(positional, shapes).routingKey()).isEqualTo(ByteBuffer.wrap(Bodies.bigint(7)));
        ByteBuffer named = new Bodies().shortBytes(ID).i16(1).i8(0x01 | 0x40).i16(2)
                .string("k").bytes(Bodies.bigint(9)).string("v").bytes(Bodies.text("x")).buffer();
        assertThat(PartitionKeyDecoder.decode(named, shapes).routingKey()).isEqualTo(ByteBuffer.wrap(Bodies.bigint(9)));
    }

    @Test
    void leavesUnknownUnkeyedAndNullKeysUnrouted() {
        PreparedShapes shapes = new PreparedShapes();
        shapes.record(compositePrepared(true));
        ByteBuffer unknownId = new Bodies().shortBytes(new byte[] {9}).i16(1).i8(0x01).i16(1).bytes(new byte[1]).buffer();
        assertThat(PartitionKeyDecoder.decode(unknownId, shapes)).isNull();
        ByteBuffer nullComponent = new Bodies().shortBytes(ID).i16(1).i8(0x01).i16(4)
                .bytes(Bodies.bigint(1)).bytes(null).bytes(null).bytes(null).buffer();
        assertThat(PartitionKeyDecoder.decode(nullComponent, shapes)).isNull();
        ByteBuffer noValues = new Bodies().shortBytes(ID).i16(1).i8(0).buffer();
        assertThat(PartitionKeyDecoder.decode(noValues, shapes)).isNull();
    }
}
