package io.jsylla.internal.connection;

import io.jsylla.Compression;
import io.jsylla.ConnectionException;
import io.jsylla.internal.connection.FakeNode.Reply;
import io.jsylla.internal.connection.ConnectionTesting.Recorder;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.Opcode;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.Responses;
import io.jsylla.internal.protocol.Supported;
import io.jsylla.internal.protocol.VoidResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.jsylla.internal.connection.ConnectionTesting.options;
import static org.assertj.core.api.Assertions.assertThat;

/** An open connection under load, cancellation, graceful close, heartbeats and a dying node. */
class ConnectionLifecycleTest extends NodeTestSupport {

    /** Holds back QUERY answers until the test releases them. */
    private final ConcurrentLinkedQueue<Reply> heldQueries = new ConcurrentLinkedQueue<>();

    private void holdQueries() {
        node.on(Opcode.QUERY, (request, reply) -> heldQueries.add(reply));
    }

    private void releaseHeldQueries() {
        Reply r;
        while ((r = heldQueries.poll()) != null) r.send(new VoidResult());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void tenThousandConcurrentRequestsAreAllAnswered(ProtocolVersion version) throws Exception {
        node.shuffleReplies();
        Connection c = connect(new ConnectionFactory(group, options(Compression.NONE, null, version)));
        int threads = 8;
        int perThread = 1250;
        List<CompletableFuture<Frame>> answers = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<CompletableFuture<Frame>>>> sent = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                sent.add(senders.submit(() -> {
                    List<CompletableFuture<Frame>> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) mine.add(c.send(query("SELECT " + thread + "_" + i)));
                    return mine;
                }));
            }
            for (Future<List<CompletableFuture<Frame>>> f : sent) answers.addAll(f.get(10, TimeUnit.SECONDS));
        } finally {
            senders.shutdownNow();
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(answers).hasSize(10_000)
                .allSatisfy(f -> assertThat(Responses.decode(f.join())).isEqualTo(new VoidResult()));
        assertThat(node.received(Opcode.QUERY)).hasSize(10_000);
        assertThat(c.inFlight()).isZero();
        assertThat(c.isOpen()).isTrue();
    }

    @Test
    void aFullConnectionRefusesMore() {
        holdQueries();
        ConnectionOptions o = options(Compression.NONE, null, null);
        ConnectionOptions small = new ConnectionOptions(o.connectTimeout(), o.compression(), null, true, null,
                o.heartbeatInterval(), o.idleTimeout(), 4, o.maxFrameLength(), null, false, null, "t", "0");
        Connection c = connect(new ConnectionFactory(group, small));
        assertThat(c.maxInFlight()).isEqualTo(3); // one stream id stays free for the heartbeat
        List<CompletableFuture<Frame>> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) held.add(c.send(query("SELECT " + i)));
        CompletableFuture<Frame> refused = c.send(query("one too many"));
        assertThat(refused).isCompletedExceptionally();
        assertThat(c.trySend(InFlightRequest.of(query("x"), false, null, new Recorder()))).isFalse();
        ConnectionTesting.await(() -> heldQueries.size() == 3, "the node holds three queries");
        releaseHeldQueries();
        held.forEach(NodeTestSupport::await);
        assertThat(c.inFlight()).isZero();
    }

    @Test
    void aCancelledRequestKeepsItsSlotAndIdUntilItsLateAnswer() {
        holdQueries();
        Connection c = connect(new ConnectionFactory(group, options(Compression.NONE, null, null)));
        Recorder cb = new Recorder();
        InFlightRequest<?> r = InFlightRequest.of(query("SELECT slow"), false, null, cb);
        assertThat(c.trySend(r)).isTrue();
        ConnectionTesting.await(() -> heldQueries.size() == 1, "the node holds the query");
        c.cancel(r);
        ConnectionTesting.await(() -> c.orphanedStreamIds() == 1, "the id is orphaned");
        assertThat(c.inFlight()).isEqualTo(1);

        releaseHeldQueries();
        ConnectionTesting.await(() -> c.orphanedStreamIds() == 0 && c.inFlight() == 0, "the late answer frees both");
        assertThat(cb.calls()).isZero();
        node.on(Opcode.QUERY, (request, reply) -> reply.send(new VoidResult()));
        assertThat(Responses.decode(await(c.send(query("SELECT 1"))))).isEqualTo(new VoidResult());
    }

    @Test
    void closeGracefullyWaitsForRequestsInFlight() {
        holdQueries();
        Connection c = connect(new ConnectionFactory(group, options(Compression.NONE, null, null)));
        CompletableFuture<Frame> pending = c.send(query("SELECT slow"));
        ConnectionTesting.await(() -> heldQueries.size() == 1, "the node holds the query");
        CompletableFuture<Void> closed = c.closeGracefully();
        assertThat(c.isOpen()).isFalse();
        assertThat(c.send(query("too late"))).isCompletedExceptionally();
        assertThat(closed).isNotDone();

        releaseHeldQueries();
        assertThat(Responses.decode(await(pending))).isEqualTo(new VoidResult());
        await(closed);
        ConnectionTesting.await(() -> node.openConnections() == 0, "the node sees the close");
    }

    @Test
    void theNodeGoingAwayFailsRequestsInFlight() {
        node.on(Opcode.QUERY, (request, reply) -> reply.closeConnection());
        Connection c = connect(new ConnectionFactory(group, options(Compression.NONE, null, null)));
        CompletableFuture<Frame> f = c.send(query("SELECT 1"));
        await(c.closeFuture());
        assertThat(f).failsWithin(Duration.ofSeconds(10)).withThrowableThat().havingCause()
                .isInstanceOf(ConnectionException.class).withMessageContaining("connection closed");
        assertThat(c.isOpen()).isFalse();
        assertThat(c.send(query("SELECT 2"))).isCompletedExceptionally();
        assertThat(c.inFlight()).isZero();
    }

    @Test
    void heartbeatsGoOutOnAnIdleConnectionAndAreAnswered() {
        ConnectionFactory factory = new ConnectionFactory(group, options(Compression.NONE, null, null,
                Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofSeconds(30)));
        Connection c = connect(factory);
        // the handshake's OPTIONS, then at least two heartbeats
        ConnectionTesting.await(() -> node.received(Opcode.OPTIONS).size() >= 3, "heartbeats arrive");
        assertThat(node.received(Opcode.OPTIONS).subList(1, 3)).allSatisfy(r -> assertThat(r.segmented()).isTrue());
        assertThat(c.isOpen()).isTrue();
        assertThat(c.inFlight()).as("heartbeats take no request slot").isZero();
    }

    @Test
    void aConnectionThatHearsNothingIsClosed() {
        // heartbeats after the handshake go unanswered: nothing is read for the idle timeout
        node.on(Opcode.OPTIONS, (request, reply) -> {
            if (node.received(Opcode.OPTIONS).size() == 1) {
                reply.send(new Supported(Map.of()));
            }
        });
        ConnectionFactory factory = new ConnectionFactory(group, options(Compression.NONE, null, null,
                Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofMillis(400)));
        Connection c = connect(factory);
        await(c.closeFuture());
        assertThat(c.isOpen()).isFalse();
        assertThat(node.received(Opcode.OPTIONS).size()).isGreaterThanOrEqualTo(2);
    }
}
