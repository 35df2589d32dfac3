package io.jsylla.testkit.ceiling;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.testkit.internal.ProbeCodec;
import io.jsylla.testkit.internal.ProbeCodec.Frame;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many requests in flight, on one connection and on many, written with arbitrary boundaries. */
class CeilingLoadTest {
    private static final String GET = "SELECT k, v FROM bench.kv WHERE k = ?";
    private static final String INSERT = "INSERT INTO bench.kv (k, v) VALUES (?, ?)";

    @Test
    void answersThousandsInFlightOnOneConnectionHoweverTheBytesAreCut() throws Exception {
        try (CeilingServer server = CeilingServer.start("127.0.0.1", 0);
             RawConnection c = RawConnection.ready(server.address())) {
            int n = 8000;
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int stream = 0; stream < n; stream++) {
                byte[] body = stream % 2 == 0
                        ? Frames.query(GET, 0, 0, Frames.bigint(stream * 3L + 1))
                        : Frames.query(INSERT, 0, 0, Frames.bigint(stream), new byte[100]);
                all.writeBytes(ProbeCodec.frame(stream, ProbeCodec.QUERY, body));
            }
            byte[] bytes = all.toByteArray();
            Random random = new Random(42);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int at = 0; at < bytes.length; ) {
                    int len = Math.min(bytes.length - at, 1 + random.nextInt(1500));
                    c.write(java.util.Arrays.copyOfRange(bytes, at, at + len));
                    at += len;
                }
            });
            BitSet answered = new BitSet(n);
            for (int i = 0; i < n; i++) {
                Frame f = c.read();
                assertThat(f.opcode()).isEqualTo(ProbeCodec.RESULT);
                assertThat(answered.get(f.stream())).as("stream %d answered twice", f.stream()).isFalse();
                answered.set(f.stream());
                if (f.stream() % 2 == 0) {
                    assertThat(Frames.rows(f.body()).value(0, "k")).isEqualTo(f.stream() * 3L + 1);
                } else {
                    assertThat(f.body().getInt()).isEqualTo(1);
                }
            }
            writer.get(30, TimeUnit.SECONDS);
            assertThat(answered.cardinality()).isEqualTo(n);
        }
    }

    @Test
    void servesManyConnectionsAtOnceThenClosesThemAll() throws Exception {
        int connections = 32, perConnection = 500;
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        CeilingServer server = CeilingServer.start("127.0.0.1", 0);
        try {
            List<RawConnection> open = new ArrayList<>();
            for (int i = 0; i < connections; i++) open.add(RawConnection.ready(server.address()));
            assertThat(server.openConnections()).isEqualTo(connections);
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (RawConnection c : open) {
                done.add(CompletableFuture.runAsync(() -> {
                    ByteArrayOutputStream burst = new ByteArrayOutputStream();
                    for (int s = 0; s < perConnection; s++) {
                        burst.writeBytes(ProbeCodec.frame(s, ProbeCodec.QUERY, Frames.query(GET, 0, 0, Frames.bigint(s))));
                    }
                    c.write(burst.toByteArray());
                    for (int s = 0; s < perConnection; s++) {
                        Frame f = c.read();
                        assertThat(Frames.rows(f.body()).value(0, "k")).isEqualTo((long) f.stream());
                    }
                }, pool));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertThat(server.requestsServed()).isEqualTo(connections * (perConnection + 1L)); // + each STARTUP

            server.close();
            assertThat(server.openConnections()).isZero();
            for (RawConnection c : open) {
                assertThat(c.closedByServer()).isTrue();
                c.close();
            }
            // An event loop's thread may still be returning from run() just after its termination.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (serverThreadsAlive() && System.nanoTime() < deadline) Thread.sleep(10);
            assertThat(serverThreadsAlive()).as("threads named ceiling*").isFalse();
        } finally {
            server.close();
            pool.shutdownNow();
        }
    }

    private static boolean serverThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("ceiling") && t.isAlive());
    }
}
