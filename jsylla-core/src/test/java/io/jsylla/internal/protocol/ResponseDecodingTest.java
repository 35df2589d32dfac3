package io.jsylla.internal.protocol;

import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import static io.jsylla.internal.protocol.Hex.buf;
import static io.jsylla.internal.protocol.Hex.bytes;
import static io.jsylla.internal.protocol.Hex.hex;
import static io.jsylla.internal.protocol.Hex.nio;
import static io.jsylla.internal.protocol.Hex.norm;
import static io.jsylla.internal.protocol.ProtocolVersion.V4;
import static io.jsylla.internal.protocol.ProtocolVersion.V5;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Non-error responses decoded from vectors written from spec section 4.2, then re-encoded with
 * {@link ResponseEncoder} to the same bytes.
 */
class ResponseDecodingTest {

    private static final ColumnDef K = new ColumnDef("ks", "t", "k", DataType.INT);
    private static final ColumnDef V = new ColumnDef("ks", "t", "v", DataType.TEXT);

    /** Decodes a body under {@code opcode} and checks that encoding the result gives the body back. */
    private static Response decode(ProtocolVersion version, int opcode, String... body) {
        ByteBuf frameBytes = Unpooled.buffer();
        FrameCodec.encodeResponse(frameBytes, version, 0, 1, opcode, buf(body));
        Response response = Responses.decode(FrameCodec.decode(frameBytes, null));
        ByteBuf again = Unpooled.buffer();
        ResponseEncoder.encode(response, again, version);
        assertThat(hex(again)).as("re-encoded body").isEqualTo(norm(body));
        assertThat(ResponseEncoder.opcode(response)).isEqualTo(opcode);
        return response;
    }

    /** A RESULT frame with {@code body}. */
    private static Frame frame(ProtocolVersion version, String... body) {
        ByteBuf frameBytes = Unpooled.buffer();
        FrameCodec.encodeResponse(frameBytes, version, 0, 1, Opcode.RESULT, buf(body));
        return FrameCodec.decode(frameBytes, null);
    }

    @Test
    void ready() {
        assertThat(decode(V4, Opcode.READY, "")).isEqualTo(new Ready());
    }

    @Test
    void supportedIsAStringMultimap() {
        Supported supported = (Supported) decode(V5, Opcode.SUPPORTED,
                "0002",
                "000b 434f4d5052455353494f4e | 0002 0003 6c7a34 0006 736e61707079",
                "000b 43514c5f56455253494f4e | 0001 0005 332e342e35");
        assertThat(supported.options()).containsExactly(
                Map.entry("COMPRESSION", List.of("lz4", "snappy")), Map.entry("CQL_VERSION", List.of("3.4.5")));
    }

    @Test
    void authenticateChallengeAndSuccess() {
        assertThat(decode(V4, Opcode.AUTHENTICATE, "0003 414243")).isEqualTo(new Authenticate("ABC"));
        assertThat(((AuthChallenge) decode(V4, Opcode.AUTH_CHALLENGE, "00000003 010203")).token())
                .containsExactly(1, 2, 3);
        assertThat(((AuthSuccess) decode(V5, Opcode.AUTH_SUCCESS, "ffffffff")).token()).isNull();
        assertThat(((AuthSuccess) decode(V5, Opcode.AUTH_SUCCESS, "00000000")).token()).isEmpty();
    }

    @Test
    void voidResult() {
        assertThat(decode(V4, Opcode.RESULT, "00000001")).isEqualTo(new VoidResult());
    }

    @Test
    void rowsWithGlobalTableSpec() {
        String rows = "00000004 00000001 00000001 61 | 00000004 00000002 ffffffff";
        RowsResult result = (RowsResult) decode(V4, Opcode.RESULT,
                "00000002 | 00000001 00000002 | 0002 6b73 0001 74 | 0001 6b 0009 | 0001 76 000d | 00000002 |", rows);
        assertThat(result.metadata().columns()).containsExactly(K, V);
        assertThat(result.metadata().columnCount()).isEqualTo(2);
        assertThat(result.metadata().hasMorePages()).isFalse();
        assertThat(result.metadata().pagingState()).isNull();
        assertThat(result.rowCount()).isEqualTo(2);
        assertThat(hex(result.rows())).isEqualTo(norm(rows));
        assertThat(result.rows().readInt()).isEqualTo(4); // positioned at the first cell
    }

    @Test
    void rowsWithPerColumnSpecAndPagingState() {
        RowsResult result = (RowsResult) decode(V5, Opcode.RESULT,
                "00000002 | 00000002 00000002 | 00000002 cafe",
                "| 0002 6b73 0001 74 0001 6b 0009 | 0002 6b73 0001 74 0001 76 000d | 00000000");
        RowsMetadata metadata = result.metadata();
        assertThat(metadata.hasMorePages()).isTrue();
        assertThat(metadata.pagingState()).isEqualTo(nio("cafe"));
        assertThat(metadata.columns()).containsExactly(K, V);
        assertThat(result.rowCount()).isZero();
        assertThat(result.rows().isReadable()).isFalse();
    }

    @Test
    void rowsWithNoMetadata() {
        RowsResult result = (RowsResult) decode(V4, Opcode.RESULT,
                "00000002 | 00000006 00000003 | 00000001 ff | 00000001 | 00000000 ffffffff fffffffe");
        assertThat(result.metadata().noMetadata()).isTrue();
        assertThat(result.metadata().hasMorePages()).isTrue();
        assertThat(result.metadata().columnCount()).isEqualTo(3);
        assertThat(result.metadata().columns()).isEmpty();
        assertThat(result.rows().readableBytes()).isEqualTo(12);
    }

    @Test
    void rowsWithBareMetadataAreReadInPlaceFromABufferSharedWithOtherFrames() {
        // A prepared read's answer (No_metadata with Global_tables_spec, as Cassandra sends it)
        // between the bytes of other frames of the same read.
        ByteBuf shared = buf("eeee | 00000002 | 00000005 00000002 | 00000001 | 00000001 07 00000000 | eeeeee");
        Frame frame = Frame.of(V5, 0, 3, Opcode.RESULT, null, List.of(), Map.of(), shared, 2, 25);
        RowsResult result = (RowsResult) Responses.decode(frame);
        assertThat(result.metadata().noMetadata()).isTrue();
        assertThat(result.metadata().columnCount()).isEqualTo(2);
        assertThat(result.metadata().hasMorePages()).isFalse();
        assertThat(result.metadata()).as("shared, not made per answer")
                .isSameAs(((RowsResult) Responses.decode(frame)).metadata());
        assertThat(result.buffer()).isSameAs(shared);
        assertThat(hex(result.rows())).isEqualTo(norm("00000001 07 00000000"));
        assertThat(result.rowCount()).isEqualTo(1);
    }

    @Test
    void aRequestKnowingItsColumnsGetsBareRowsAsTheSharedMarkerAndReadsThemFromTheFrame() {
        ByteBuf shared = buf("eeee | 00000002 | 00000005 00000002 | 00000001 | 00000001 07 00000000 | eeeeee");
        Frame frame = Frame.of(V5, 0, 3, Opcode.RESULT, null, List.of(), Map.of(), shared, 2, 25);
        assertThat(Responses.decodeKnowing(frame, null)).isSameAs(BareRows.INSTANCE);
        assertThat(BareRows.INSTANCE.buffer(frame)).isSameAs(shared);
        assertThat(BareRows.INSTANCE.columnCount(frame)).isEqualTo(2);
        assertThat(BareRows.INSTANCE.rowCount(frame)).isEqualTo(1);
        assertThat(hex(shared.slice(BareRows.INSTANCE.start(frame), BareRows.INSTANCE.end(frame) - BareRows.INSTANCE.start(frame))))
                .isEqualTo(norm("00000001 07 00000000"));

        // Anything else comes back as it always does: rows with a paging state, or with specs.
        Frame paged = frame(V5, "00000002 | 00000006 00000003 | 00000001 ff | 00000001 | 00000000 ffffffff fffffffe");
        assertThat(Responses.decodeKnowing(paged, null)).isInstanceOf(RowsResult.class);
        Frame withSpecs = frame(V5, "00000002 | 00000001 00000001 | 0002 6b73 0001 74 | 0001 6b 0009 | 00000000");
        assertThat(Responses.decodeKnowing(withSpecs, null)).isInstanceOf(RowsResult.class);
        assertThat(Responses.decodeKnowing(frame(V5, "00000001"), null)).isSameAs(VoidResult.INSTANCE);
    }

    @Test
    void v5RowsWithNewMetadataId() {
        RowsResult result = (RowsResult) decode(V5, Opcode.RESULT,
                "00000002 | 00000009 00000001 | 0002 abcd | 0002 6b73 0001 74 | 0001 6b 0009 | 00000000");
        assertThat(result.metadata().metadataChanged()).isTrue();
        assertThat(result.metadata().newMetadataId()).isEqualTo(bytes("abcd"));
        assertThat(result.metadata().columns()).containsExactly(K);
    }

    @Test
    void setKeyspace() {
        assertThat(decode(V4, Opcode.RESULT, "00000003 0002 6b73")).isEqualTo(new SetKeyspaceResult("ks"));
    }

    @Test
    void preparedV4() {
        PreparedResult prepared = (PreparedResult) decode(V4, Opcode.RESULT,
                "00000004 | 0002 abcd",
                "| 00000001 00000002 00000001 0001 | 0002 6b73 0001 74 | 0001 76 000d | 0001 6b 0009",
                "| 00000004 00000000");
        assertThat(prepared.id()).isEqualTo(bytes("abcd"));
        assertThat(prepared.resultMetadataId()).isNull();
        assertThat(prepared.variables().partitionKeyIndexes()).containsExactly(1);
        assertThat(prepared.variables().columns()).containsExactly(V, K);
        assertThat(prepared.resultMetadata().noMetadata()).isTrue();
        assertThat(prepared.resultMetadata().columns()).isEmpty();
    }

    @Test
    void preparedV5WithResultMetadataIdAndCompositePartitionKey() {
        PreparedResult prepared = (PreparedResult) decode(V5, Opcode.RESULT,
                "00000004 | 0002 abcd | 0002 0102",
                "| 00000000 00000002 00000002 0001 0000 | 0002 6b73 0001 74 0001 6b 0009 | 0002 6b73 0001 74 0001 76 000d",
                "| 00000001 00000001 0002 6b73 0001 74 0001 76 000d");
        assertThat(prepared.resultMetadataId()).isEqualTo(bytes("0102"));
        assertThat(prepared.variables().partitionKeyIndexes()).containsExactly(1, 0);
        assertThat(prepared.variables().columns()).containsExactly(K, V);
        assertThat(prepared.resultMetadata().columns()).containsExactly(V);
    }

    @Test
    void schemaChanges() {
        // "CREATED" "KEYSPACE" ks
        assertThat(decode(V4, Opcode.RESULT, "00000005 | 0007 43524541544544 | 0008 4b45595350414345 | 0002 6b73"))
                .isEqualTo(new SchemaChangeResult(new SchemaChange("CREATED", "KEYSPACE", "ks", null, List.of())));
        // "UPDATED" "TABLE" ks t
        assertThat(decode(V4, Opcode.RESULT, "00000005 | 0007 55504441544544 | 0005 5441424c45 | 0002 6b73 0001 74"))
                .isEqualTo(new SchemaChangeResult(new SchemaChange("UPDATED", "TABLE", "ks", "t", List.of())));
        // "DROPPED" "TYPE" ks u
        assertThat(decode(V5, Opcode.RESULT, "00000005 | 0007 44524f50504544 | 0004 54595045 | 0002 6b73 0001 75"))
                .isEqualTo(new SchemaChangeResult(new SchemaChange("DROPPED", "TYPE", "ks", "u", List.of())));
        // "CREATED" "FUNCTION" ks f [int, text]
        assertThat(decode(V5, Opcode.RESULT,
                "00000005 | 0007 43524541544544 | 0008 46554e4354494f4e | 0002 6b73 0001 66 | 0002 0003 696e74 0004 74657874"))
                .isEqualTo(new SchemaChangeResult(new SchemaChange("CREATED", "FUNCTION", "ks", "f", List.of("int", "text"))));
        // "CREATED" "AGGREGATE" ks a []
        assertThat(decode(V4, Opcode.RESULT,
                "00000005 | 0007 43524541544544 | 0009 414747524547415445 | 0002 6b73 0001 61 | 0000"))
                .isEqualTo(new SchemaChangeResult(new SchemaChange("CREATED", "AGGREGATE", "ks", "a", List.of())));
    }

    @Test
    void topologyChangeEvent() throws Exception {
        assertThat(decode(V4, Opcode.EVENT,
                "000f 544f504f4c4f47595f4348414e4745 | 0008 4e45575f4e4f4445 | 04 7f000001 00002352"))
                .isEqualTo(new TopologyChangeEvent("NEW_NODE",
                        new InetSocketAddress(InetAddress.getByAddress(bytes("7f000001")), 9042)));
    }

    @Test
    void statusChangeEventWithIpv6() throws Exception {
        assertThat(decode(V5, Opcode.EVENT,
                "000d 5354415455535f4348414e4745 | 0004 444f574e | 10 00000000000000000000000000000001 00002352"))
                .isEqualTo(new StatusChangeEvent("DOWN",
                        new InetSocketAddress(InetAddress.getByAddress(bytes("00000000000000000000000000000001")), 9042)));
    }

    @Test
    void schemaChangeEvent() {
        assertThat(decode(V4, Opcode.EVENT,
                "000d 534348454d415f4348414e4745 | 0007 43524541544544 | 0005 5441424c45 | 0002 6b73 0001 74"))
                .isEqualTo(new SchemaChangeEvent(new SchemaChange("CREATED", "TABLE", "ks", "t", List.of())));
    }

    @Test
    void decodingTwiceGivesTheSameAnswer() {
        ByteBuf frameBytes = Unpooled.buffer();
        FrameCodec.encodeResponse(frameBytes, V4, 0, 1, Opcode.RESULT, buf("00000003 0002 6b73"));
        Frame frame = FrameCodec.decode(frameBytes, null);
        assertThat(Responses.decode(frame)).isEqualTo(Responses.decode(frame));
    }

    @Test
    void encodeFrameWritesHeaderAndBody() {
        ByteBuf out = Unpooled.buffer();
        ResponseEncoder.encodeFrame(new Ready(), out, V5, 7);
        assertThat(hex(out)).isEqualTo(norm("85 00 0007 02 00000000"));
    }
}
