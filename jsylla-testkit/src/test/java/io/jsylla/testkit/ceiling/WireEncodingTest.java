package io.jsylla.testkit.ceiling;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.testkit.internal.ProbeCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server's bytes, frame by frame, against hex written from doc/native_protocol_v4.spec. */
class WireEncodingTest {
    private static final HexFormat HEX = HexFormat.of();
    /** Rows/bind metadata of bench.kv with both columns: global table spec, then k bigint, v blob. */
    private static final String KV_SPECS = str("bench") + str("kv") + str("k") + "0002" + str("v") + "0003";

    private final CeilingHandler handler = new CeilingHandler(
            new Statements(new SystemTables(new InetSocketAddress("127.0.0.1", 9042))), new Workload(100, 10),
            new LongAdder(), new AtomicInteger());
    private final EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(handler), handler);

    @AfterEach
    void closeChannel() {
        channel.finishAndReleaseAll();
    }

    @Test
    void supported() {
        String body = "0003" + str("CQL_VERSION") + "0001" + str("3.4.7") + str("COMPRESSION") + "0000"
                + str("PROTOCOL_VERSIONS") + "0001" + str("4/v4");
        assertThat(answer(ProbeCodec.frame(7, ProbeCodec.OPTIONS, new byte[0]))).isEqualTo(frame(7, "06", body));
    }

    @Test
    void preparedInsert() throws Exception {
        String id = HEX.formatHex(md5("insert into bench . kv ( k , v ) values ( ? , ? )"));
        String body = "00000004" + "0010" + id                 // Prepared, [short bytes] id
                + "00000001" + "00000002" + "00000001" + "0000" // Global_tables_spec, 2 variables, pk_indexes [0]
                + KV_SPECS
                + "00000004" + "00000000";                      // result metadata: No_metadata, 0 columns
        byte[] request = ProbeCodec.frame(1, Frames.PREPARE, Frames.prepare("INSERT INTO bench.kv (k, v) VALUES (?, ?)"));
        assertThat(answer(request)).isEqualTo(frame(1, "08", body));
    }

    @Test
    void rowReadByKeyWithAndWithoutMetadata() throws Exception {
        String row = "00000001" + "00000008" + "000000000000002a" + "00000064" + HEX.formatHex(value(100));
        byte[] query = ProbeCodec.frame(2, ProbeCodec.QUERY, Frames.query("SELECT k, v FROM bench.kv WHERE k = ?", 0, 0,
                Frames.bigint(42)));
        assertThat(answer(query)).isEqualTo(frame(2, "08", "00000002" + "00000001" + "00000002" + KV_SPECS + row));

        answer(ProbeCodec.frame(3, Frames.PREPARE, Frames.prepare("SELECT k, v FROM bench.kv WHERE k = ?")));
        byte[] id = md5("select k , v from bench . kv where k = ?");
        byte[] execute = ProbeCodec.frame(4, Frames.EXECUTE,
                Frames.execute(id, Frames.SKIP_METADATA, 0, null, Frames.bigint(42)));
        assertThat(answer(execute)).isEqualTo(frame(4, "08", "00000002" + "00000004" + "00000002" + row));
    }

    @Test
    void scanPageCarriesItsPagingStateBeforeTheColumns() {
        byte[] scan = ProbeCodec.frame(5, ProbeCodec.QUERY, Frames.query("SELECT k, v FROM bench.kv", 0, 4));
        StringBuilder rows = new StringBuilder("00000004");
        for (int k = 0; k < 4; k++) {
            rows.append("00000008").append(String.format("%016x", k)).append("00000064").append(HEX.formatHex(value(100)));
        }
        String body = "00000002" + "00000003" + "00000002" // Rows, Global_tables_spec | Has_more_pages, 2 columns
                + "00000008" + "0000000000000004"           // paging state: the next offset
                + KV_SPECS + rows;
        assertThat(answer(scan)).isEqualTo(frame(5, "08", body));
    }

    @Test
    void protocolV5IsRefusedInAV4FrameThenTheConnectionCloses() {
        byte[] options = HEX.parseHex("050000090500000000"); // v5 OPTIONS on stream 9
        String message = "Invalid or unsupported protocol version (5); supported versions are (4/v4)";
        assertThat(answer(options)).isEqualTo(frame(9, "00", "0000000a" + str(message)));
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void framesSplitAndGroupedAnyHowAreEachAnswered() {
        byte[] a = ProbeCodec.frame(10, ProbeCodec.OPTIONS, new byte[0]);
        byte[] b = ProbeCodec.frame(11, ProbeCodec.QUERY, Frames.query("USE bench", 0, 0));
        byte[] both = Frames.concat(a, b);
        // one frame and a half, then two bytes, then the rest
        channel.writeInbound(Unpooled.wrappedBuffer(both, 0, a.length + 5));
        channel.writeInbound(Unpooled.wrappedBuffer(both, a.length + 5, 2));
        channel.writeInbound(Unpooled.wrappedBuffer(both, a.length + 7, both.length - a.length - 7));
        String out = drain();
        String supported = answer(ProbeCodec.frame(10, ProbeCodec.OPTIONS, new byte[0]));
        assertThat(out).isEqualTo(supported + frame(11, "08", "00000003" + str("bench")));
    }

    private String answer(byte[] request) {
        channel.writeInbound(Unpooled.wrappedBuffer(request));
        return drain();
    }

    private String drain() {
        StringBuilder out = new StringBuilder();
        for (ByteBuf b; (b = channel.readOutbound()) != null; b.release()) out.append(ByteBufUtil.hexDump(b));
        return out.toString();
    }

    /** A v4 response frame: version 0x84, no flags, the stream, the opcode, the body's length. */
    private static String frame(int stream, String opcode, String body) {
        return "84" + "00" + String.format("%04x", stream) + opcode + String.format("%08x", body.length() / 2) + body;
    }

    /** A [string]. */
    private static String str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return String.format("%04x", b.length) + HEX.formatHex(b);
    }

    /** The prepared id: the MD5 of the normalized text (tokens, lower-cased, one space apart). */
    private static byte[] md5(String normalized) throws Exception {
        return MessageDigest.getInstance("MD5").digest(normalized.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] value(int size) {
        byte[] v = new byte[size];
        for (int i = 0; i < size; i++) v[i] = (byte) i;
        return v;
    }
}
