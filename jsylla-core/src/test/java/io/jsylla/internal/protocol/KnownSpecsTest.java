package io.jsylla.internal.protocol;

import static io.jsylla.internal.protocol.Hex.buf;
import static io.jsylla.internal.protocol.Hex.hex;
import static io.jsylla.internal.protocol.Hex.nio;
import static io.jsylla.internal.protocol.Hex.norm;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** v4 rows answers recognised by their column specs, byte for byte, and read in place. */
class KnownSpecsTest {
    /** Global table spec ks.t, then k int and v text. */
    private static final String SPECS = "0002 6b73 0001 74 | 0001 6b 0009 | 0001 76 000d";

    private static Frame rows(ProtocolVersion version, String flags, String pagingState, String specs, String rowsAndCells) {
        return Frame.of(version, 0, 1, Opcode.RESULT, null, List.of(), Map.of(),
                buf("00000002", flags, "00000002", pagingState, specs, rowsAndCells));
    }

    @Test
    void anAnswerWithTheSameSpecsIsReadAsIfItHadNoMetadata() {
        KnownSpecs known = KnownSpecs.of(rows(ProtocolVersion.V4, "00000001", "", SPECS, "00000001 00000004 00000001 00000001 61"));
        assertThat(known).isNotNull();

        RowsResult r = (RowsResult) Responses.decode(rows(ProtocolVersion.V4, "00000001", "", SPECS,
                "00000002 00000004 00000007 00000000 | 00000004 00000008 ffffffff"), known);
        assertThat(r.metadata().noMetadata()).isTrue();
        assertThat(r.metadata().columns()).isEmpty();
        assertThat(r.metadata().columnCount()).isEqualTo(2);
        assertThat(r.metadata().hasMorePages()).isFalse();
        assertThat(r.rowCount()).isEqualTo(2);
        assertThat(hex(r.rows())).isEqualTo(norm("00000004 00000007 00000000 00000004 00000008 ffffffff"));
    }

    @Test
    void thePagingStateIsReadAndTheSpecsStillMatchAcrossPages() {
        KnownSpecs known = KnownSpecs.of(rows(ProtocolVersion.V4, "00000003", "00000002 abcd", SPECS, "00000000"));
        RowsResult r = (RowsResult) Responses.decode(rows(ProtocolVersion.V4, "00000003", "00000003 010203", SPECS,
                "00000001 00000004 00000005 00000001 7a"), known);
        assertThat(r.metadata().noMetadata()).isTrue();
        assertThat(r.metadata().hasMorePages()).isTrue();
        assertThat(r.metadata().pagingState()).isEqualTo(nio("010203"));
        assertThat(r.rowCount()).isEqualTo(1);
        RowsResult last = (RowsResult) Responses.decode(rows(ProtocolVersion.V4, "00000001", "", SPECS, "00000000"), known);
        assertThat(last.metadata().noMetadata()).as("the last page, without Has_more_pages").isTrue();
        assertThat(last.metadata().hasMorePages()).isFalse();
    }

    @Test
    void aRequestKnowingItsColumnsGetsTheKnownSpecsThemselvesForOnePage() {
        KnownSpecs known = KnownSpecs.of(rows(ProtocolVersion.V4, "00000001", "", SPECS, "00000000"));
        Frame answer = rows(ProtocolVersion.V4, "00000001", "", SPECS, "00000002 00000004 00000007 00000000 | 00000004 00000008 ffffffff");
        assertThat(Responses.decodeKnowing(answer, known)).isSameAs(known);
        assertThat(known.columnCount(answer)).isEqualTo(2);
        assertThat(known.rowCount(answer)).isEqualTo(2);
        assertThat(hex(answer.source().slice(known.start(answer), known.end(answer) - known.start(answer))))
                .isEqualTo(norm("00000004 00000007 00000000 00000004 00000008 ffffffff"));
        // more pages to come, other specs, a negative row count: a result of their own
        assertThat(Responses.decodeKnowing(rows(ProtocolVersion.V4, "00000003", "00000002 abcd", SPECS, "00000000"), known))
                .isInstanceOf(RowsResult.class);
        assertThat(Responses.decodeKnowing(rows(ProtocolVersion.V4, "00000001", "", "0002 6b73 0001 74 | 0001 6b 0009 | 0001 76 0003",
                "00000000"), known)).isInstanceOf(RowsResult.class);
        assertThat(known.matchKnowing(rows(ProtocolVersion.V4, "00000001", "", SPECS, "ffffffff"))).isNull();
        assertThat(known.matchKnowing(rows(ProtocolVersion.V4, "00000001", "", SPECS, ""))).as("cut short").isNull();
    }

    @Test
    void changedSpecsAreParsedInFull() {
        KnownSpecs known = KnownSpecs.of(rows(ProtocolVersion.V4, "00000001", "", SPECS, "00000000"));
        // v is now a varchar... of another type: blob (0x0003); the general path reads the new columns
        RowsResult r = (RowsResult) Responses.decode(rows(ProtocolVersion.V4, "00000001", "",
                "0002 6b73 0001 74 | 0001 6b 0009 | 0001 76 0003", "00000000"), known);
        assertThat(r.metadata().noMetadata()).isFalse();
        assertThat(r.metadata().columns()).extracting(ColumnDef::name).containsExactly("k", "v");
        // one more column: the count differs
        Frame wider = Frame.of(ProtocolVersion.V4, 0, 1, Opcode.RESULT, null, List.of(), Map.of(),
                buf("00000002 00000001 00000003", SPECS, "0001 77 0009", "00000000"));
        assertThat(((RowsResult) Responses.decode(wider, known)).metadata().columns()).hasSize(3);
    }

    @Test
    void onlyV4RowsWithMetadataAreRemembered() {
        assertThat(KnownSpecs.of(rows(ProtocolVersion.V5, "00000001", "", SPECS, "00000000"))).isNull();
        assertThat(KnownSpecs.of(Frame.of(ProtocolVersion.V4, 0, 1, Opcode.RESULT, null, List.of(), Map.of(),
                buf("00000002 00000005 00000002 00000000")))).as("no metadata").isNull();
        assertThat(KnownSpecs.of(Frame.of(ProtocolVersion.V4, 0, 1, Opcode.RESULT, null, List.of(), Map.of(),
                buf("00000001")))).as("void").isNull();
    }
}
