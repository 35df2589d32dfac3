package io.jsylla.internal.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsylla.ColumnSpec;
import io.jsylla.DataType;
import io.jsylla.internal.protocol.CodecException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cells read in place from a range of a buffer shared with other data, one row walked or many indexed. */
class RowsDataTest {
    private static final List<ColumnSpec> KV = List.of(new ColumnSpec("ks", "t", "k", DataType.INT),
            new ColumnSpec("ks", "t", "v", DataType.TEXT));

    /** {@code cells} as [bytes] between three bytes of other data on each side. */
    private static ByteBuf framed(int... lengthsAndInts) {
        ByteBuf b = Unpooled.buffer().writeMedium(0xEEEEEE);
        for (int x : lengthsAndInts) b.writeInt(x);
        return b.writeMedium(0xEEEEEE);
    }

    @Test
    void oneRowIsReadWithinItsRangeOnly() {
        ByteBuf b = framed(4, 7, 0); // k = 7, v = ''
        RowsData one = new RowsData(KV, b, 3, b.writerIndex() - 3, 1);
        assertThat(one.decode(0, 1)).isEqualTo("");
        assertThat(one.decode(0, 0)).isEqualTo(7);
        assertThat(one.isEmpty(0, 1)).isTrue();
        assertThat(one.isNull(0, 0)).isFalse();
    }

    @Test
    void manyRowsAreIndexedOnce() {
        ByteBuf b = framed(4, 1, -1, 4, 2, -1, 4, 3, -1);
        RowsData three = new RowsData(KV, b, 3, b.writerIndex() - 3, 3);
        assertThat(three.decode(2, 0)).isEqualTo(3);
        assertThat(three.isNull(1, 1)).isTrue();
        assertThat(three.decode(0, 0)).isEqualTo(1);
    }

    @Test
    void aCellRunningPastTheRangeFailsWhetherWalkedOrIndexed() {
        // v declares 5 bytes but the rows end after 1: the bytes after the range must not be read as the cell's
        ByteBuf one = framed(4, 7, 5);
        RowsData walked = new RowsData(KV, one, 3, 3 + 12 + 1, 1);
        assertThat(walked.decode(0, 0)).isEqualTo(7);
        assertThatThrownBy(() -> walked.decode(0, 1)).isInstanceOf(CodecException.class).hasMessageContaining("beyond the frame");

        ByteBuf two = framed(4, 7, 5, 4, 8);
        RowsData indexed = new RowsData(KV, two, 3, two.writerIndex() - 3, 2);
        assertThatThrownBy(() -> indexed.decode(1, 0)).isInstanceOf(CodecException.class);
    }

    @Test
    void missingCellsAreReportedAsTruncation() {
        ByteBuf b = framed(4, 7);
        RowsData walked = new RowsData(KV, b, 3, b.writerIndex() - 3, 1);
        assertThatThrownBy(() -> walked.decode(0, 1)).isInstanceOf(CodecException.class).hasMessageContaining("truncated at cell 1");
    }

    /** Column names {@code c0..c(n-1)}, with {@code extra} names appended, all of type int. */
    private static List<ColumnSpec> columns(int n, String... extra) {
        List<ColumnSpec> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new ColumnSpec("ks", "t", "c" + i, DataType.INT));
        for (String e : extra) out.add(new ColumnSpec("ks", "t", e, DataType.INT));
        return out;
    }

    @Test
    void namesAreFoundExactlyFirstThenIgnoringCaseWhetherScannedOrMapped() {
        for (int n : new int[] {2, 30}) { // a few columns are scanned, many are mapped: same answers
            RowsData d = RowsData.empty(columns(n, "Mixed", "mixed", "Other"));
            assertThat(d.indexOf("c1")).as("%d columns", n).isEqualTo(1);
            assertThat(d.indexOf("Mixed")).as("%d columns", n).isEqualTo(n);
            assertThat(d.indexOf("mixed")).as("%d columns", n).isEqualTo(n + 1);
            assertThat(d.indexOf("MIXED")).as("an exact lower-case name wins, %d columns", n).isEqualTo(n + 1);
            assertThat(d.indexOf("OTHER")).as("%d columns", n).isEqualTo(n + 2);
            assertThat(d.indexOf("C0")).as("%d columns", n).isEqualTo(0);
            assertThat(d.indexOf("nope")).as("%d columns", n).isEqualTo(-1);
        }
    }

    @Test
    void bareRowsBecomeAPageOfTheColumnsTheRequestKnowsAndAMismatchIsTheNodesError() {
        // kind ROWS, flags No_metadata|Global_tables_spec, 2 columns, 1 row: k = 7, v = ''
        ByteBuf body = Unpooled.buffer().writeInt(2).writeInt(5).writeInt(2).writeInt(1).writeInt(4).writeInt(7).writeInt(0);
        io.jsylla.internal.protocol.Frame frame = io.jsylla.internal.protocol.Frame.of(io.jsylla.internal.protocol.ProtocolVersion.V5,
                0, 1, io.jsylla.internal.protocol.Opcode.RESULT, null, List.of("careful"), java.util.Map.of(), body);
        java.net.InetSocketAddress node = new java.net.InetSocketAddress("127.0.0.1", 9042);
        io.jsylla.QueryResult page = Results.of(io.jsylla.internal.protocol.BareRows.INSTANCE, frame, node, KV);
        assertThat(page.columnSpecs()).isEqualTo(KV);
        assertThat(page.rows()).hasSize(1);
        assertThat(page.rows().get(0).getInt("k")).isEqualTo(7);
        assertThat(page.rows().get(0).getString("v")).isEmpty();
        assertThat(page.pagingState().isEnd()).isTrue();
        assertThat(page.warnings()).containsExactly("careful");
        assertThat(page.coordinator()).isEqualTo(node);

        assertThatThrownBy(() -> Results.of(io.jsylla.internal.protocol.BareRows.INSTANCE, frame, node, KV.subList(0, 1)))
                .isInstanceOf(io.jsylla.ProtocolException.class).hasMessageContaining("rows have 2 columns");
    }

    @Test
    void aV4AnswerWithTheKnownSpecsBecomesAPageOfTheKnownColumns() {
        // kind ROWS, flags Global_tables_spec, 2 columns, specs ks.t (k int, v varchar), then 1 row: k = 9, v = 'a'
        io.jsylla.internal.protocol.ProtocolVersion v4 = io.jsylla.internal.protocol.ProtocolVersion.V4;
        ByteBuf first = Unpooled.buffer().writeInt(2).writeInt(1).writeInt(2);
        writeSpecs(first);
        first.writeInt(0);
        io.jsylla.internal.protocol.KnownSpecs known = io.jsylla.internal.protocol.KnownSpecs.of(io.jsylla.internal.protocol.Frame.of(
                v4, 0, 1, io.jsylla.internal.protocol.Opcode.RESULT, null, List.of(), java.util.Map.of(), first));
        ByteBuf body = Unpooled.buffer().writeInt(2).writeInt(1).writeInt(2);
        writeSpecs(body);
        body.writeInt(1).writeInt(4).writeInt(9).writeInt(1).writeByte('a');
        io.jsylla.internal.protocol.Frame frame = io.jsylla.internal.protocol.Frame.of(v4, 0, 2,
                io.jsylla.internal.protocol.Opcode.RESULT, null, List.of(), java.util.Map.of(), body);
        java.net.InetSocketAddress node = new java.net.InetSocketAddress("127.0.0.1", 9042);

        io.jsylla.internal.protocol.Response answer = io.jsylla.internal.protocol.Responses.decodeKnowing(frame, known);
        assertThat(answer).as("no result object of its own").isSameAs(known);
        io.jsylla.QueryResult page = Results.of((io.jsylla.internal.protocol.Result) answer, frame, node, KV);
        assertThat(page.columnSpecs()).isEqualTo(KV);
        assertThat(page.rows()).hasSize(1);
        assertThat(page.rows().get(0).getInt("k")).isEqualTo(9);
        assertThat(page.rows().get(0).getString("v")).isEqualTo("a");
        assertThat(page.pagingState().isEnd()).isTrue();
        assertThatThrownBy(() -> Results.of(known, frame, node, KV.subList(0, 1)))
                .isInstanceOf(io.jsylla.ProtocolException.class).hasMessageContaining("rows have 2 columns");
    }

    /** ks.t as the global table spec, then k int and v varchar. */
    private static void writeSpecs(ByteBuf b) {
        b.writeShort(2).writeBytes("ks".getBytes()).writeShort(1).writeBytes("t".getBytes());
        b.writeShort(1).writeByte('k').writeShort(0x09).writeShort(1).writeByte('v').writeShort(0x0d);
    }
}
