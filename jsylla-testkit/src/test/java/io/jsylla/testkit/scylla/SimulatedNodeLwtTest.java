package io.jsylla.testkit.scylla;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.testkit.scylla.SimulatedNodeTest.Client;
import io.jsylla.testkit.scylla.SimulatedNodeTest.Frame;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The LWT mark and LWT counting end to end, in front of a scripted upstream that prepares any
 * text (the ceiling server prepares only its workload): every statement is taken to be on
 * {@code ks.t (k bigint PRIMARY KEY, v int)} with bind variables (k, v).
 */
class SimulatedNodeLwtTest {
    private ScriptedNode upstream;
    private EventLoopGroup group;
    private SimulatedNode node;

    @BeforeEach
    void start() throws IOException {
        upstream = new ScriptedNode();
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        // Node 1 owns (MIN, 0], node 2 (0, MAX]; ks is SimpleStrategy with one replica.
        TokenRing ring = new TokenRing(List.of(new TokenRing.Member(1, "dc1", "r1", List.of(0L)),
                new TokenRing.Member(2, "dc1", "r1", List.of(Long.MAX_VALUE))));
        ReplicaLookup replicas = new ReplicaLookup(ring, ks -> Replication.simple(1), Runnable::run);
        node = new SimulatedNode(1, upstream.address(), InetAddress.getLoopbackAddress(), 0, 0,
                ShardSimulatorOptions.defaults(), new SupportedOptions(Map.of("CQL_VERSION", List.of("3.4.7"))),
                replicas, group, null);
    }

    @AfterEach
    void stop() throws IOException {
        node.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        upstream.close();
    }

    @Test
    void marksConditionalStatementsForConnectionsThatNegotiatedIt() throws Exception {
        try (Client marked = Client.open(node.address()); Client plain = Client.open(node.address())) {
            assertThat(marked.options()).containsEntry("SCYLLA_LWT_ADD_METADATA_MARK",
                    List.of("LWT_OPTIMIZATION_META_BIT_MASK=2147483648"));
            marked.startup(Map.of("CQL_VERSION", "3.0.0", "SCYLLA_LWT_ADD_METADATA_MARK", "2147483648"));
            plain.startup(Map.of("CQL_VERSION", "3.0.0"));
            String lwt = "INSERT INTO ks.t (k, v) VALUES (?, ?) IF NOT EXISTS";
            assertThat(bindFlags(marked.prepareAnswer(lwt))).isEqualTo(0x80000001);
            assertThat(bindFlags(marked.prepareAnswer("UPDATE ks.t SET v = ? WHERE k = ? IF v = 1"))).isEqualTo(0x80000001);
            assertThat(bindFlags(marked.prepareAnswer("INSERT INTO ks.t (k, v) VALUES (?, ?)"))).isEqualTo(0x0001);
            assertThat(bindFlags(marked.prepareAnswer("INSERT INTO ks.t (k, v) VALUES (?, 'IF NOT EXISTS')"))).isEqualTo(0x0001);
            assertThat(bindFlags(plain.prepareAnswer(lwt))).isEqualTo(0x0001);
        }
        node.lwtMark(false);
        try (Client c = Client.open(node.address())) {
            assertThat(c.options()).doesNotContainKey("SCYLLA_LWT_ADD_METADATA_MARK");
            c.startup(Map.of("CQL_VERSION", "3.0.0", "SCYLLA_LWT_ADD_METADATA_MARK", "2147483648"));
            assertThat(bindFlags(c.prepareAnswer("DELETE FROM ks.t WHERE k = ? IF EXISTS"))).isEqualTo(0x0001);
        }
    }

    @Test
    void countsLwtsThatArriveAtThePrimaryReplicasShard() throws Exception {
        try (Client c = Client.open(node.address())) { // the first connection: shard 0
            assertThat(c.shard()).isZero();
            c.startup(Map.of("CQL_VERSION", "3.0.0"));
            byte[] lwt = c.prepare("INSERT INTO ks.t (k, v) VALUES (?, ?) IF NOT EXISTS");
            byte[] plain = c.prepare("INSERT INTO ks.t (k, v) VALUES (?, ?)");
            long atPrimaryShard = 0;
            for (long k = 0; k < 300; k++) {
                long token = Murmur3Token.of(Bodies.bigint(k));
                if (token <= 0 && Sharding.shardOf(token, 4, 12) == 0) atPrimaryShard++;
                for (byte[] id : new byte[][] {lwt, plain}) {
                    c.send(0x04, 0, 5, Frames.EXECUTE, new Bodies().shortBytes(id).i16(1).i8(0x01).i16(2)
                            .bytes(Bodies.bigint(k)).bytes(new byte[] {0, 0, 0, 1}).build());
                    assertThat(c.receive().opcode()).isEqualTo(Frames.RESULT);
                }
            }
            assertThat(atPrimaryShard).isBetween(10L, 60L);
            assertThat(node.stats().lwtRequests()).isEqualTo(300);
            assertThat(node.stats().lwtAtPrimaryShard()).isEqualTo(atPrimaryShard);
            assertThat(node.stats().routedRequests()).isEqualTo(600);
            node.stats().reset();
            assertThat(node.stats().lwtRequests()).isZero();
            assertThat(node.stats().lwtAtPrimaryShard()).isZero();
        }
    }

    /** The bind-variables metadata flags of a PREPARED answer positioned after its result kind. */
    private static int bindFlags(Frame prepared) {
        ByteBuffer b = prepared.body();
        Frames.readShortBytes(b);
        return b.getInt();
    }

    /** A node that answers OPTIONS, STARTUP, PREPARE (of anything) and EXECUTE (Void), one thread per connection. */
    static final class ScriptedNode implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

        ScriptedNode() throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        Thread t = new Thread(() -> serve(s), "scripted-node-conn");
                        t.setDaemon(true);
                        t.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "scripted-node");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        InetSocketAddress address() {
            return (InetSocketAddress) server.getLocalSocketAddress();
        }

        private static void serve(Socket s) {
            try (s) {
                DataInputStream in = new DataInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream();
                while (true) {
                    byte[] header = new byte[9];
                    in.readFully(header);
                    ByteBuffer h = ByteBuffer.wrap(header);
                    byte[] body = new byte[h.getInt(5)];
                    in.readFully(body);
                    int stream = h.getShort(2), opcode = h.get(4);
                    byte[] answer = switch (opcode) {
                        case Frames.OPTIONS -> Frames.response(4, stream, Frames.SUPPORTED, Frames.stringMultimap(Map.of()));
                        case Frames.STARTUP -> Frames.response(4, stream, 0x02, new byte[0]);
                        case Frames.PREPARE -> Frames.response(4, stream, Frames.RESULT,
                                prepared(Frames.readLongString(ByteBuffer.wrap(body))));
                        default -> Frames.response(4, stream, Frames.RESULT, new Bodies().i32(1).build());
                    };
                    out.write(answer);
                    out.flush();
                }
            } catch (IOException | RuntimeException e) {
                // connection over
            }
        }

        /** Cassandra's v4 PREPARED for (k bigint, v int) on ks.t, k the partition key, id the text's MD5. */
        private static byte[] prepared(String cql) {
            byte[] id;
            try {
                id = MessageDigest.getInstance("MD5").digest(cql.getBytes(StandardCharsets.UTF_8));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            return new Bodies().i32(Frames.RESULT_PREPARED).shortBytes(id)
                    .i32(0x0001).i32(2).i32(1).i16(0).string("ks").string("t")
                    .string("k").i16(0x0002).string("v").i16(0x0009)
                    .i32(0x0004).i32(0).build();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
