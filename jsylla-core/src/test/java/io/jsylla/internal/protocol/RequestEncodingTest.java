package io.jsylla.internal.protocol;

import io.jsylla.BatchType;
import io.jsylla.Consistency;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.jsylla.internal.protocol.Hex.ascii;
import static io.jsylla.internal.protocol.Hex.hex;
import static io.jsylla.internal.protocol.Hex.nio;
import static io.jsylla.internal.protocol.Hex.norm;
import static io.jsylla.internal.protocol.ProtocolVersion.V4;
import static io.jsylla.internal.protocol.ProtocolVersion.V5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Request bodies against vectors written from the v4 and v5 specs (sections 4.1.x). */
class RequestEncodingTest {

    private static String body(Request request, ProtocolVersion version) {
        ByteBuf out = Unpooled.buffer();
        request.encode(out, version);
        return hex(out);
    }

    private static void assertBody(Request request, ProtocolVersion version, String... expected) {
        assertThat(body(request, version)).isEqualTo(norm(expected));
    }

    @Test
    void startupIsAStringMapInBothVersions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("CQL_VERSION", "3.0.0");
        options.put("COMPRESSION", "lz4");
        for (ProtocolVersion v : ProtocolVersion.values()) {
            assertBody(new Startup(options), v,
                    "0002",
                    "000b 43514c5f56455253494f4e | 0005 332e302e30",
                    "000b 434f4d5052455353494f4e | 0003 6c7a34");
        }
        assertThat(new Startup(options).opcode()).isEqualTo(Opcode.STARTUP);
    }

    @Test
    void optionsHasAnEmptyBody() {
        assertBody(Options.INSTANCE, V4, "");
        assertBody(Options.INSTANCE, V5, "");
        assertThat(Options.INSTANCE.opcode()).isEqualTo(0x05);
    }

    @Test
    void authResponseIsBytesAndNullIsMinusOne() {
        byte[] token = {0, 'u', 0, 'p'};
        assertBody(new AuthResponse(token), V4, "00000004 00750070");
        assertBody(new AuthResponse(token), V5, "00000004 00750070");
        assertBody(new AuthResponse(null), V4, "ffffffff");
        assertThat(new AuthResponse(null).opcode()).isEqualTo(0x0F);
    }

    @Test
    void registerIsAStringList() {
        Register register = new Register(List.of("STATUS_CHANGE", "SCHEMA_CHANGE"));
        for (ProtocolVersion v : ProtocolVersion.values()) {
            assertBody(register, v, "0002 000d 5354415455535f4348414e4745 000d 534348454d415f4348414e4745");
        }
        assertThat(register.opcode()).isEqualTo(0x0B);
    }

    @Test
    void queryWithPositionalValuesNullAndUnset() {
        Values values = Values.of(Arrays.asList(nio("00000001"), null, Values.UNSET_VALUE));
        Query query = new Query("Q", QueryParameters.of(Consistency.ONE, values));
        // <query><consistency><flags>; flags is a [byte] in v4, an [int] in v5; then [short] n and n [value]
        assertBody(query, V4, "00000001 51 | 0001 | 01 | 0003 | 00000004 00000001 | ffffffff | fffffffe");
        assertBody(query, V5, "00000001 51 | 0001 | 00000001 | 0003 | 00000004 00000001 | ffffffff | fffffffe");
        assertThat(query.isTraceable()).isTrue();
    }

    @Test
    void queryWithoutValuesSetsNoFlag() {
        Query query = new Query("Q", QueryParameters.of(Consistency.ANY, Values.NONE));
        assertBody(query, V4, "00000001 51 | 0000 | 00");
        assertBody(query, V5, "00000001 51 | 0000 | 00000000");
    }

    @Test
    void queryWithNamedValues() {
        Values values = Values.named(List.of("a", "b"), List.of(nio("01"), nio("02")));
        Query query = new Query("Q", QueryParameters.of(Consistency.QUORUM, values));
        // 0x01 values | 0x40 names for values; each value preceded by its [string] name
        assertBody(query, V4, "00000001 51 | 0004 | 41 | 0002 | 0001 61 00000001 01 | 0001 62 00000001 02");
        assertBody(query, V5, "00000001 51 | 0004 | 00000041 | 0002 | 0001 61 00000001 01 | 0001 62 00000001 02");
    }

    @Test
    void queryWithPagingSerialConsistencyAndTimestamp() {
        QueryParameters p = new QueryParameters(Consistency.LOCAL_QUORUM, Values.NONE, true, 5000, nio("cafe"),
                Consistency.LOCAL_SERIAL, 0x0102030405060708L, null, QueryParameters.NO_NOW_IN_SECONDS);
        // flags 0x02 skip metadata | 0x04 page size | 0x08 paging state | 0x10 serial | 0x20 timestamp = 0x3e
        String rest = "00001388 | 00000002 cafe | 0009 | 0102030405060708";
        assertBody(new Query("Q", p), V4, "00000001 51 | 0006 | 3e |", rest);
        assertBody(new Query("Q", p), V5, "00000001 51 | 0006 | 0000003e |", rest);
    }

    @Test
    void v5QueryWithKeyspaceAndNowInSeconds() {
        QueryParameters p = new QueryParameters(Consistency.ONE, Values.NONE, false, 100, null, null,
                QueryParameters.NO_TIMESTAMP, "ks", 1_700_000_000);
        // flags 0x04 page size | 0x80 keyspace | 0x100 now_in_seconds = 0x184
        assertBody(new Query("Q", p), V5, "00000001 51 | 0001 | 00000184 | 00000064 | 0002 6b73 | 6553f100");
        assertThatThrownBy(() -> body(new Query("Q", p), V4)).isInstanceOf(IllegalArgumentException.class);
        QueryParameters onlyNow = new QueryParameters(Consistency.ONE, Values.NONE, false, 0, null, null,
                QueryParameters.NO_TIMESTAMP, null, 5);
        assertThatThrownBy(() -> body(new Query("Q", onlyNow), V4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prepare() {
        assertBody(new Prepare("Q", null), V4, "00000001 51");
        assertBody(new Prepare("Q", null), V5, "00000001 51 | 00000000");
        assertBody(new Prepare("Q", "ks"), V5, "00000001 51 | 00000001 | 0002 6b73");
        assertThatThrownBy(() -> body(new Prepare("Q", "ks"), V4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Prepare("Q").opcode()).isEqualTo(0x09);
    }

    @Test
    void execute() {
        byte[] id = {(byte) 0xab, (byte) 0xcd};
        byte[] values = {0, 0, 0, 1, 0x2a};
        assertBody(execute(id, null, values), V4, "0002 abcd | 0001 | 01 | 0001 00000001 2a");
        assertBody(execute(id, new byte[] {1, 2, 3}, values), V4, "0002 abcd | 0001 | 01 | 0001 00000001 2a");
        assertBody(execute(id, new byte[] {1, 2, 3}, values), V5,
                "0002 abcd | 0003 010203 | 0001 | 00000001 | 0001 00000001 2a");
        assertBody(execute(id, null, new byte[0]).atConsistency(Consistency.QUORUM), V4, "0002 abcd | 0004 | 00");
        assertThatThrownBy(() -> body(execute(id, null, values), V5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(execute(id, null, values).opcode()).isEqualTo(0x0A);
    }

    /** An EXECUTE at ONE of {@code values} (one [value] each, or none), without other options. */
    private static Execute execute(byte[] id, byte[] metadataId, byte[] values) {
        return new Execute(new Execute.Shared(id, metadataId, Consistency.ONE, values.length == 0 ? 0 : 1, false, 0, null),
                values, null, QueryParameters.NO_TIMESTAMP);
    }

    @Test
    void loggedBatchOfAQueryAndAPreparedStatement() {
        Batch batch = new Batch(BatchType.LOGGED, List.of(
                BatchStatement.query("Q", Values.of(List.of(nio("01")))),
                BatchStatement.prepared(new byte[] {(byte) 0xab, (byte) 0xcd}, Values.of(Arrays.asList((ByteBuffer) null)))),
                Consistency.QUORUM, null, QueryParameters.NO_TIMESTAMP, null, QueryParameters.NO_NOW_IN_SECONDS);
        // <type><n><query_i: kind string_or_id n values><consistency><flags>
        String statements = "00 | 0002 | 00 00000001 51 0001 00000001 01 | 01 0002 abcd 0001 ffffffff | 0004";
        assertBody(batch, V4, statements, "| 00");
        assertBody(batch, V5, statements, "| 00000000");
        assertThat(batch.opcode()).isEqualTo(0x0D);
        assertThat(batch.isTraceable()).isTrue();
    }

    @Test
    void unloggedBatchWithSerialConsistencyAndTimestamp() {
        Batch batch = new Batch(BatchType.UNLOGGED, List.of(BatchStatement.query("Q", Values.NONE)),
                Consistency.ONE, Consistency.SERIAL, 100, null, QueryParameters.NO_NOW_IN_SECONDS);
        assertBody(batch, V4, "01 | 0001 | 00 00000001 51 0000 | 0001 | 30 | 0008 | 0000000000000064");
        assertBody(batch, V5, "01 | 0001 | 00 00000001 51 0000 | 0001 | 00000030 | 0008 | 0000000000000064");
    }

    @Test
    void counterBatchWithV5KeyspaceAndNowInSeconds() {
        Batch batch = new Batch(BatchType.COUNTER,
                List.of(BatchStatement.prepared(new byte[] {(byte) 0xab, (byte) 0xcd}, Values.NONE)),
                Consistency.ONE, null, QueryParameters.NO_TIMESTAMP, "ks", 10);
        assertBody(batch, V5, "02 | 0001 | 01 0002 abcd 0000 | 0001 | 00000180 | 0002 6b73 | 0000000a");
        assertThatThrownBy(() -> body(batch, V4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void batchStatementsAreQueryXorPreparedAndPositional() {
        assertThatThrownBy(() -> new BatchStatement(null, null, Values.NONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchStatement("Q", new byte[1], Values.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BatchStatement.query("Q", Values.named(List.of("a"), List.of(nio("01")))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void realisticQueryText() {
        String cql = "SELECT release_version FROM system.local";
        Query query = new Query(cql, QueryParameters.of(Consistency.ONE, Values.NONE));
        assertBody(query, V4, "00000028", ascii(cql), "0001 00");
    }

    @Test
    void nonAsciiStringsAreUtf8WithTheirByteLength() {
        // "é" is two bytes in UTF-8: c3 a9
        assertBody(new Register(List.of("é")), V4, "0001 0002 c3a9");
    }
}
