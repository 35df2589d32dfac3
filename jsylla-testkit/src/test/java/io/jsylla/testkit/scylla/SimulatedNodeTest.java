package io.jsylla.testkit.scylla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsylla.testkit.ceiling.CeilingServer;
import io.jsylla.testkit.internal.ProbeCodec;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator in front of the kit's ceiling server (a v4 server in memory): no Cassandra needed. */
class SimulatedNodeTest {
    private CeilingServer upstream;
    private ShardSimulator simulator;
    private SimulatedNode node;

    @BeforeEach
    void start() {
        upstream = CeilingServer.start("127.0.0.1", 0);
        simulator = ShardSimulator.front(List.of(new ShardSimulator.Upstream(upstream.address(), "dc1", "rack1",
                List.of(0L), ShardSimulator.plainProbe(upstream.address()))), ShardSimulatorOptions.defaults());
        node = simulator.node(1);
    }

    @AfterEach
    void stop() {
        simulator.close();
        upstream.close();
    }

    @Test
    void regularPortSpreadsConnectionsOverTheLeastConnectedShards() throws Exception {
        try (Client a = Client.open(node.address()); Client b = Client.open(node.address());
             Client c = Client.open(node.address()); Client d = Client.open(node.address());
             Client e = Client.open(node.address())) {
            assertThat(List.of(a.shard(), b.shard(), c.shard(), d.shard(), e.shard())).containsExactlyInAnyOrder(0, 1, 2, 3, 0); // accepted concurrently: any order
            assertThat(a.options()).containsEntry("SCYLLA_NR_SHARDS", List.of("4"))
                    .containsEntry("SCYLLA_SHARD_AWARE_PORT", List.of(Integer.toString(node.shardAwareAddress().getPort())));
            assertThat(node.stats().openConnectionsPerShard()).isEqualTo(Map.of(0, 2, 1, 1, 2, 1, 3, 1));
        }
        awaitOpen(0);
    }

    @Test
    void shardAwarePortUsesTheSourcePortUnlessBehindNat() throws Exception {
        for (int wanted : new int[] {3, 1, 1, 2}) {
            try (Client c = Client.openFrom(node.shardAwareAddress(), wanted, 4)) {
                assertThat(c.shard()).isEqualTo(wanted);
            }
        }
        node.nat(true);
        try (Client c = Client.openFrom(node.shardAwareAddress(), 3, 4)) {
            assertThat(c.shard()).isEqualTo(0);
        }
    }

    @Test
    void switchesActOnNewConnections() throws Exception {
        node.shards(12);
        try (Client c = Client.openFrom(node.shardAwareAddress(), 11, 12)) {
            assertThat(c.options()).containsEntry("SCYLLA_NR_SHARDS", List.of("12"));
            assertThat(c.shard()).isEqualTo(11);
        }
        node.shardingKeys(false);
        try (Client c = Client.open(node.address())) {
            assertThat(c.options()).containsOnlyKeys("CQL_VERSION", "PROTOCOL_VERSIONS", "COMPRESSION",
                    "SCYLLA_RATE_LIMIT_ERROR", "SCYLLA_LWT_ADD_METADATA_MARK");
        }
        node.rateLimitErrors(false);
        try (Client c = Client.open(node.address())) {
            assertThat(c.options()).containsKey("SCYLLA_LWT_ADD_METADATA_MARK").doesNotContainKey("SCYLLA_RATE_LIMIT_ERROR");
        }
        node.lwtMark(false);
        try (Client c = Client.open(node.address())) {
            assertThat(c.options().keySet()).noneMatch(k -> k.startsWith("SCYLLA_")).contains("CQL_VERSION");
        }
        node.shardAwarePortOpen(false);
        assertThatThrownBy(() -> Client.open(node.shardAwareAddress())).isInstanceOf(UncheckedIOException.class);
        node.shardAwarePortOpen(true);
        try (Client c = Client.open(node.shardAwareAddress())) {
            assertThat(c.options()).containsKey("CQL_VERSION");
        }
    }

    @Test
    void refusesProtocolV5InAV4FrameAndCloses() throws Exception {
        try (Client c = Client.open(node.address())) {
            c.send(0x05, 0, 7, ProbeCodec.OPTIONS, new byte[0]);
            Frame f = c.receive();
            assertThat(f.versionByte()).isEqualTo(0x84);
            assertThat(f.stream()).isEqualTo(7);
            assertThat(f.opcode()).isEqualTo(Frames.ERROR);
            assertThat(f.body().getInt()).isEqualTo(0x000A);
            assertThat(Frames.readString(f.body())).contains("Invalid or unsupported protocol version (5)");
            assertThat(c.in.read()).isEqualTo(-1);
        }
        assertThat(node.stats().refusedProtocolVersions()).isEqualTo(1);
    }

    @Test
    void forwardsAndJudgesPreparedStatements() throws Exception {
        try (Client c = Client.open(node.address())) { // shard 0
            c.send(0x04, 0, 1, ProbeCodec.STARTUP, ProbeCodec.stringMap(Map.of("CQL_VERSION", "3.0.0")));
            assertThat(c.receive().opcode()).isEqualTo(ProbeCodec.READY);
            c.send(0x04, 0, 2, Frames.PREPARE, new Bodies().longString("INSERT INTO bench.kv (k, v) VALUES (?, ?)").build());
            Frame prepared = c.receive();
            assertThat(prepared.body().getInt()).isEqualTo(Frames.RESULT_PREPARED);
            byte[] id = Frames.readShortBytes(prepared.body());
            int hits = 0, misses = 0;
            for (long k = 0; k < 200; k++) {
                c.send(0x04, 0, 3, Frames.EXECUTE, new Bodies().shortBytes(id).i16(1).i8(0x01).i16(2)
                        .bytes(Bodies.bigint(k)).bytes(new byte[] {1}).build());
                assertThat(c.receive().opcode()).isEqualTo(Frames.RESULT);
                if (Sharding.shardOf(Murmur3Token.of(Bodies.bigint(k)), 4, 12) == 0) hits++;
                else misses++;
            }
            assertThat(node.stats().routedRequests()).isEqualTo(200);
            assertThat(node.stats().shardMisses()).isEqualTo(misses).isEqualTo(node.stats().shardMisses(0));
            assertThat(hits).isPositive();
            assertThat(node.stats().requests(0)).isEqualTo(1 + 1 + 200); // STARTUP, PREPARE, EXECUTEs
            node.stats().reset();
            assertThat(node.stats().routedRequests()).isZero();
            assertThat(node.stats().openConnections(0)).isEqualTo(1);
        }
    }

    @Test
    void chargesAPenaltyPerShardMiss() throws Exception {
        node.crossShardPenalty(Duration.ofMillis(50));
        try (Client c = Client.open(node.address())) { // shard 0
            c.send(0x04, 0, 1, ProbeCodec.STARTUP, ProbeCodec.stringMap(Map.of("CQL_VERSION", "3.0.0")));
            c.receive();
            c.send(0x04, 0, 2, Frames.PREPARE, new Bodies().longString("SELECT k, v FROM bench.kv WHERE k = ?").build());
            Frame prepared = c.receive();
            prepared.body().getInt();
            byte[] id = Frames.readShortBytes(prepared.body());
            long hit = -1, miss = -1;
            for (long k = 0; hit < 0 || miss < 0; k++) {
                if (Sharding.shardOf(Murmur3Token.of(Bodies.bigint(k)), 4, 12) == 0) hit = hit < 0 ? k : hit;
                else miss = miss < 0 ? k : miss;
            }
            assertThat(timeExecute(c, id, hit)).isLessThan(Duration.ofMillis(45));
            assertThat(timeExecute(c, id, miss)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        }
    }

    @Test
    void forgesRateLimitErrorsInScyllaFormatOnlyWhenNegotiated() throws Exception {
        try (Client c = Client.open(node.address()); Client plain = Client.open(node.address())) {
            c.startup(Map.of("CQL_VERSION", "3.0.0", "SCYLLA_RATE_LIMIT_ERROR", ""));
            plain.startup(Map.of("CQL_VERSION", "3.0.0"));
            byte[] insert = c.prepare("INSERT INTO bench.kv (k, v) VALUES (?, ?)");
            byte[] select = c.prepare("SELECT k, v FROM bench.kv WHERE k = ?");
            node.rateLimit(1, false, true, true);

            c.send(0x04, 0, 21, Frames.EXECUTE, executeInsert(insert, 1));
            assertRateLimited(c.receive(), 21, 1, true);
            c.send(0x04, 0, 22, Frames.QUERY, new Bodies().longString("update bench.kv SET v = 0x01 WHERE k = 1")
                    .i16(1).i8(0).build());
            assertRateLimited(c.receive(), 22, 1, true);
            c.send(0x04, 0, 23, Frames.BATCH, new Bodies().i8(0).i16(1).i8(1).shortBytes(insert).i16(2)
                    .bytes(Bodies.bigint(1)).bytes(new byte[] {1}).i16(1).build());
            assertRateLimited(c.receive(), 23, 1, true);
            assertThat(execute(c, select, 1).opcode()).isEqualTo(Frames.RESULT); // reads pass

            // Not negotiated: a Config_error, as ScyllaDB sends.
            plain.send(0x04, 0, 24, Frames.EXECUTE, executeInsert(insert, 1));
            Frame config = plain.receive();
            assertThat(config.stream()).isEqualTo(24);
            assertThat(config.opcode()).isEqualTo(Frames.ERROR);
            assertThat(config.body().getInt()).isEqualTo(0x2300);
            assertThat(Frames.readString(config.body())).contains("rate limit");
            assertThat(config.body().hasRemaining()).isFalse();

            node.rateLimit(1, true, false, false);
            c.send(0x04, 0, 25, Frames.EXECUTE, new Bodies().shortBytes(select).i16(1).i8(0x01).i16(1)
                    .bytes(Bodies.bigint(5)).build());
            assertRateLimited(c.receive(), 25, 0, false);
            c.send(0x04, 0, 26, Frames.EXECUTE, executeInsert(insert, 2));
            assertThat(c.receive().opcode()).isEqualTo(Frames.RESULT);

            node.rateLimitOff();
            assertThat(execute(c, select, 1).opcode()).isEqualTo(Frames.RESULT);
            assertThat(node.stats().rateLimitErrors(StatementKind.OpType.WRITE)).isEqualTo(4);
            assertThat(node.stats().rateLimitErrors(StatementKind.OpType.READ)).isEqualTo(1);
            assertThat(simulator.rateLimitErrors()).isEqualTo(5);
        }
        // Switched off, the key is not offered, and a STARTUP naming it anyway does not negotiate it.
        node.rateLimitErrors(false);
        node.rateLimit(1, true, true, true);
        try (Client c = Client.open(node.address())) {
            assertThat(c.options()).doesNotContainKey("SCYLLA_RATE_LIMIT_ERROR");
            c.startup(Map.of("CQL_VERSION", "3.0.0", "SCYLLA_RATE_LIMIT_ERROR", ""));
            c.send(0x04, 0, 1, Frames.QUERY, new Bodies().longString("SELECT k, v FROM bench.kv WHERE k = ?").i16(1).i8(0).build());
            assertThat(c.receive().body().getInt()).isEqualTo(0x2300);
        }
    }

    @Test
    void rateLimitingFollowsItsSeed() throws Exception {
        try (Client c = Client.open(node.address())) {
            c.startup(Map.of("CQL_VERSION", "3.0.0", "SCYLLA_RATE_LIMIT_ERROR", ""));
            byte[] select = c.prepare("SELECT k, v FROM bench.kv WHERE k = ?");
            node.rateLimit(0.5, true, false, true);
            node.rateLimitSeed(7);
            List<Integer> first = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) first.add(execute(c, select, i).opcode());
            node.rateLimitSeed(7);
            List<Integer> again = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) again.add(execute(c, select, i).opcode());
            assertThat(again).isEqualTo(first).contains(Frames.ERROR, Frames.RESULT);
            long errors = first.stream().filter(o -> o == Frames.ERROR).count();
            assertThat(node.stats().rateLimitErrors()).isEqualTo(2 * errors);
        }
    }

    private static void assertRateLimited(Frame f, int stream, int opType, boolean byCoordinator) {
        assertThat(f.stream()).isEqualTo(stream);
        assertThat(f.opcode()).isEqualTo(Frames.ERROR);
        ByteBuffer b = f.body();
        assertThat(b.getInt()).isEqualTo(61440);
        assertThat(Frames.readString(b)).contains("rate limit");
        assertThat(b.get()).isEqualTo((byte) opType);
        assertThat(b.get()).isEqualTo((byte) (byCoordinator ? 1 : 0));
        assertThat(b.hasRemaining()).isFalse();
    }

    private static byte[] executeInsert(byte[] id, long k) {
        return new Bodies().shortBytes(id).i16(1).i8(0x01).i16(2).bytes(Bodies.bigint(k)).bytes(new byte[] {1}).build();
    }

    private static Frame execute(Client c, byte[] id, long k) throws IOException {
        c.send(0x04, 0, 3, Frames.EXECUTE, new Bodies().shortBytes(id).i16(1).i8(0x01).i16(1).bytes(Bodies.bigint(k)).build());
        return c.receive();
    }

    private static Duration timeExecute(Client c, byte[] id, long k) throws IOException {
        long start = System.nanoTime();
        c.send(0x04, 0, 3, Frames.EXECUTE, new Bodies().shortBytes(id).i16(1).i8(0x01).i16(1).bytes(Bodies.bigint(k)).build());
        assertThat(c.receive().opcode()).isEqualTo(Frames.RESULT);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void awaitOpen(int expected) throws InterruptedException {
        for (int i = 0; i < 100 && node.stats().openConnections() != expected; i++) Thread.sleep(20);
        assertThat(node.stats().openConnections()).isEqualTo(expected);
    }

    record Frame(int versionByte, int stream, int opcode, ByteBuffer body) {}

    /** A raw client socket, optionally bound to a source port of a given residue. */
    static final class Client implements AutoCloseable {
        final Socket socket;
        final DataInputStream in;

        Client(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream());
        }

        static Client open(InetSocketAddress to) {
            try {
                Socket s = new Socket();
                s.setSoTimeout(10_000);
                s.connect(to, 5_000);
                return new Client(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Connects from a source port p with p % shards == residue (ports 40000..60000, retried on conflicts). */
        static Client openFrom(InetSocketAddress to, int residue, int shards) throws IOException {
            return new Client(connectFrom(to, residue, shards));
        }

        /** The TCP socket of {@link #openFrom}, for a test to layer TLS over. */
        static Socket connectFrom(InetSocketAddress to, int residue, int shards) throws IOException {
            for (int attempt = 0; attempt < 50; attempt++) {
                int base = ThreadLocalRandom.current().nextInt(40_000, 60_000);
                int port = base - Math.floorMod(base, shards) + residue;
                Socket s = new Socket();
                try {
                    s.setReuseAddress(false);
                    s.bind(new InetSocketAddress(to.getAddress(), port));
                    s.setSoTimeout(10_000);
                    s.connect(to, 5_000);
                    return s;
                } catch (BindException e) {
                    s.close();
                }
            }
            throw new IOException("no free source port");
        }

        void send(int versionByte, int flags, int stream, int opcode, byte[] body) throws IOException {
            socket.getOutputStream().write(Bodies.frame(versionByte, flags, stream, opcode, body));
        }

        Frame receive() throws IOException {
            byte[] header = new byte[9];
            in.readFully(header);
            ByteBuffer h = ByteBuffer.wrap(header);
            byte[] body = new byte[h.getInt(5)];
            in.readFully(body);
            return new Frame(h.get(0) & 0xFF, h.getShort(2), h.get(4) & 0xFF, ByteBuffer.wrap(body));
        }

        Map<String, List<String>> options() throws IOException {
            send(0x04, 0, 0, ProbeCodec.OPTIONS, new byte[0]);
            Frame f = receive();
            assertThat(f.opcode()).isEqualTo(ProbeCodec.SUPPORTED);
            return ProbeCodec.readStringMultimap(f.body());
        }

        void startup(Map<String, String> options) throws IOException {
            send(0x04, 0, 1, ProbeCodec.STARTUP, ProbeCodec.stringMap(options));
            assertThat(receive().opcode()).isEqualTo(ProbeCodec.READY);
        }

        /** PREPAREs {@code cql}; returns the prepared id. */
        byte[] prepare(String cql) throws IOException {
            return Frames.readShortBytes(prepareAnswer(cql).body());
        }

        /** PREPAREs {@code cql}; returns the answer, its body positioned after the result kind. */
        Frame prepareAnswer(String cql) throws IOException {
            send(0x04, 0, 2, Frames.PREPARE, new Bodies().longString(cql).build());
            Frame f = receive();
            assertThat(f.opcode()).isEqualTo(Frames.RESULT);
            assertThat(f.body().getInt()).isEqualTo(Frames.RESULT_PREPARED);
            return f;
        }

        int shard() throws IOException {
            return Integer.parseInt(options().get("SCYLLA_SHARD").get(0));
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
