package io.jsylla.internal.connection;

import io.jsylla.ConnectionException;
import io.jsylla.Consistency;
import io.jsylla.ProtocolException;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.Opcode;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.Query;
import io.jsylla.internal.protocol.QueryParameters;
import io.jsylla.internal.protocol.Ready;
import io.jsylla.internal.protocol.Request;
import io.jsylla.internal.protocol.Responses;
import io.jsylla.internal.protocol.SetKeyspaceResult;
import io.jsylla.internal.protocol.StatusChangeEvent;
import io.jsylla.internal.protocol.Values;
import io.jsylla.internal.protocol.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.jsylla.internal.connection.ConnectionTesting.Recorder;
import static io.jsylla.internal.connection.ConnectionTesting.RequestFrame;
import static io.jsylla.internal.connection.ConnectionTesting.query;
import static io.jsylla.internal.connection.ConnectionTesting.response;
import static org.assertj.core.api.Assertions.assertThat;

/** Stream ids, the pending table and the routing of answers, behind a real decoder and batcher. */
class StreamDispatcherTest {
    private static final InetSocketAddress NODE = new InetSocketAddress("127.0.0.1", 9042);

    private final FrameBatcher batcher = new FrameBatcher(ProtocolVersion.V4);
    private final StreamDispatcher dispatcher = new StreamDispatcher(NODE, 8, batcher);
    // the decoder and batcher around it, as in the real pipeline, so the tests feed and read bytes
    private final EmbeddedChannel ch = ConnectionTesting.requestPipeline(batcher, dispatcher);

    /** Writes a request and returns the frame that went out. */
    private RequestFrame send(InFlightRequest<?> r) {
        ch.writeOutbound(r);
        return RequestFrame.readOnly(ch.readOutbound(), null);
    }

    @Test
    void aWrittenRequestGetsAStreamIdAndItsAnswer() {
        Recorder cb = new Recorder();
        InFlightRequest<?> r = query("SELECT 1", cb);
        RequestFrame f = send(r);
        assertThat(f.version()).isEqualTo(4);
        assertThat(f.opcode()).isEqualTo(Opcode.QUERY);
        assertThat(f.stream()).isEqualTo(r.streamId).isBetween(0, 7);
        assertThat(Wire.readLongString(f.body())).isEqualTo("SELECT 1");
        assertThat(dispatcher.inUse()).isEqualTo(1);

        ch.writeInbound(response(ProtocolVersion.V4, f.stream(), new SetKeyspaceResult("ks")));
        assertThat(cb.responses).hasSize(1);
        assertThat(cb.failures).isEmpty();
        assertThat(Responses.decode(cb.responses.get(0))).isEqualTo(new SetKeyspaceResult("ks"));
        assertThat(dispatcher.inUse()).isZero();
    }

    @Test
    void theWriteCoalescersDirectCallTakesAnIdWithoutAPipelineHop() {
        Recorder cb = new Recorder();
        InFlightRequest<?> r = query("SELECT 1", cb);
        dispatcher.send(r); // as WriteCoalescer.drain does
        assertThat(r.streamId).isBetween(0, 7);
        assertThat(ch.<Object>readOutbound()).as("encoded, waiting for the flush").isNull();
        ch.flushOutbound();
        assertThat(RequestFrame.readOnly(ch.readOutbound(), null).stream()).isEqualTo(r.streamId);
    }

    @Test
    void outOfOrderAnswersReachTheirOwnRequests() {
        List<Recorder> callbacks = new ArrayList<>();
        List<Integer> streams = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Recorder cb = new Recorder();
            callbacks.add(cb);
            streams.add(send(query("SELECT " + i, cb)).stream());
        }
        assertThat(streams).doesNotHaveDuplicates();
        ByteBuf answers = Unpooled.buffer();
        for (int i : new int[] {3, 0, 4, 2, 1}) {
            answers.writeBytes(response(ProtocolVersion.V4, streams.get(i), new SetKeyspaceResult("ks" + i)));
        }
        ch.writeInbound(answers);
        for (int i = 0; i < 5; i++) {
            assertThat(callbacks.get(i).responses).hasSize(1);
            assertThat(Responses.decode(callbacks.get(i).responses.get(0))).isEqualTo(new SetKeyspaceResult("ks" + i));
        }
        assertThat(dispatcher.inUse()).isZero();
    }

    /** A request that is its own callback and sends again from its answer, as the execution core's retries do. */
    static final class Resending extends InFlightRequest<Void> {
        final List<Frame> responses = new ArrayList<>();
        final List<Throwable> failures = new ArrayList<>();
        final List<Runnable> onAnswer = new ArrayList<>();

        private Query query;

        void arm(String cql) {
            query = new Query(cql, QueryParameters.of(Consistency.ONE, Values.NONE));
            reset(0);
        }

        @Override
        public Query request() {
            return query;
        }

        @Override
        protected boolean tracing() {
            return false;
        }

        @Override
        public void onResponse(Frame frame) {
            responses.add(frame);
            if (!onAnswer.isEmpty()) onAnswer.remove(0).run();
        }

        @Override
        public void onFailure(Throwable error) {
            failures.add(error);
        }
    }

    @Test
    void aSelfCallbackRequestIsReArmedAndSentAgainFromItsOwnAnswer() {
        Resending r = new Resending();
        r.arm("SELECT first");
        RequestFrame first = send(r);
        List<RequestFrame> resent = new ArrayList<>();
        r.onAnswer.add(() -> {
            r.arm("SELECT second"); // on the event loop, inside the first answer's delivery
            resent.add(send(r));
        });
        ch.writeInbound(response(ProtocolVersion.V4, first.stream(), new SetKeyspaceResult("one")));
        assertThat(resent).hasSize(1);
        assertThat(Wire.readLongString(resent.get(0).body())).isEqualTo("SELECT second");
        assertThat(dispatcher.inUse()).isEqualTo(1);

        // A duplicate answer on the first stream must not reach the re-armed request.
        ch.writeInbound(response(ProtocolVersion.V4, first.stream() == resent.get(0).stream() ? 7 : first.stream(),
                new SetKeyspaceResult("stale")));
        assertThat(r.responses).hasSize(1);

        ch.writeInbound(response(ProtocolVersion.V4, resent.get(0).stream(), new SetKeyspaceResult("two")));
        assertThat(r.responses).extracting(f -> Responses.decode(f))
                .containsExactly(new SetKeyspaceResult("one"), new SetKeyspaceResult("two"));
        assertThat(r.failures).isEmpty();
        assertThat(dispatcher.inUse()).isZero();
    }

    @Test
    void eventsOnStreamMinusOneGoToTheListener() {
        List<Frame> events = new ArrayList<>();
        dispatcher.eventListener(events::add);
        StatusChangeEvent up = new StatusChangeEvent("UP", new InetSocketAddress("10.0.0.2", 9042));
        ch.writeInbound(response(ProtocolVersion.V4, -1, up));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).opcode()).isEqualTo(Opcode.EVENT);
        assertThat(Responses.decode(events.get(0))).isEqualTo(up);
    }

    @Test
    void aFailingEventListenerDoesNotCostTheConnection() {
        dispatcher.eventListener(f -> {
            throw new IllegalStateException("listener bug");
        });
        ch.writeInbound(response(ProtocolVersion.V4, -1, new StatusChangeEvent("UP", new InetSocketAddress("10.0.0.2", 9042))));
        ch.checkException();
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void answersNoRequestWaitsForAreDropped() {
        Recorder cb = new Recorder();
        int stream = send(query("SELECT 1", cb)).stream();
        ch.writeInbound(response(ProtocolVersion.V4, stream + 1, new Ready())); // free id
        ch.writeInbound(response(ProtocolVersion.V4, 5000, new Ready())); // beyond the capacity
        ch.writeInbound(response(ProtocolVersion.V4, stream, new Ready()));
        ch.writeInbound(response(ProtocolVersion.V4, stream, new Ready())); // a duplicate answer
        ch.checkException();
        assertThat(ch.isOpen()).isTrue();
        assertThat(cb.responses).hasSize(1);
        assertThat(dispatcher.inUse()).isZero();
    }

    @Test
    void closingFailsEveryPendingRequest() {
        List<Recorder> callbacks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Recorder cb = new Recorder();
            callbacks.add(cb);
            send(query("SELECT " + i, cb));
        }
        ch.close();
        for (Recorder cb : callbacks) {
            assertThat(cb.responses).isEmpty();
            assertThat(cb.failures).singleElement().isInstanceOf(ConnectionException.class)
                    .satisfies(e -> assertThat(e.getMessage()).contains("127.0.0.1:9042").contains("connection closed"));
        }
        assertThat(callbacks.get(0).failures.get(0)).as("one exception per request").isNotSameAs(callbacks.get(1).failures.get(0));
    }

    @Test
    void anErrorClosesTheConnectionAndPendingRequestsFailWithItAsTheCause() {
        Recorder cb = new Recorder();
        send(query("SELECT 1", cb));
        IOException reset = new IOException("Connection reset by peer");
        ch.pipeline().fireExceptionCaught(reset);
        assertThat(ch.isOpen()).isFalse();
        assertThat(cb.failures).singleElement().isInstanceOf(ConnectionException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("127.0.0.1:9042").contains("Connection reset by peer"))
                .satisfies(e -> assertThat(e.getCause()).isSameAs(reset));
    }

    @Test
    void aMalformedFrameClosesTheConnectionAndFailsPendingRequestsNamingTheNode() {
        Recorder cb = new Recorder();
        send(query("SELECT 1", cb));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x04, 0, 0, 0, 2, 0, 0, 0, 0})); // no response bit
        assertThat(ch.isOpen()).isFalse();
        // A malformed frame is the node breaking the protocol, and says so.
        assertThat(cb.failures).singleElement().isInstanceOf(ProtocolException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("127.0.0.1:9042").contains("malformed frame")
                        .contains("version byte"));
    }

    @Test
    void aRequestWrittenWhileTheConnectionClosesFailsAtOnce() {
        // a failure callback that retries on the same channel while channelInactive fails the others
        Recorder retry = new Recorder();
        Recorder first = new Recorder() {
            @Override
            public void onFailure(Throwable error) {
                super.onFailure(error);
                ch.writeAndFlush(query("retry", retry));
            }
        };
        send(query("SELECT 1", first));
        ch.close();
        assertThat(first.failures).hasSize(1);
        assertThat(retry.failures).singleElement().isInstanceOf(ConnectionException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("connection closed"));
    }

    @Test
    void aRequestCancelledBeforeItIsWrittenTakesNoId() {
        Recorder cb = new Recorder();
        InFlightRequest<?> r = query("SELECT 1", cb);
        r.abandon();
        ch.writeOneOutbound(r);
        ch.flushOutbound();
        assertThat(ch.<Object>readOutbound()).isNull();
        assertThat(dispatcher.inUse()).isZero();
        assertThat(cb.calls()).as("a cancelled request's callback is not called").isZero();
    }

    @Test
    void aRequestThatCannotBeEncodedFailsAndGivesItsIdBack() {
        Recorder cb = new Recorder();
        InFlightRequest<?> broken = InFlightRequest.of(ConnectionTesting.unencodable(), false, null, cb);
        ch.writeOneOutbound(query("SELECT before", new Recorder()));
        ch.writeOneOutbound(broken);
        ch.writeOneOutbound(query("SELECT after", new Recorder()));
        ch.flushOutbound();
        assertThat(cb.failures).singleElement().isInstanceOf(IllegalArgumentException.class);
        assertThat(broken.streamId).isEqualTo(-1);
        assertThat(dispatcher.inUse()).isEqualTo(2);
        ByteBuf out = ch.readOutbound();
        RequestFrame before = RequestFrame.read(out, null);
        RequestFrame after = RequestFrame.read(out, null);
        assertThat(before.query()).isEqualTo("SELECT before");
        assertThat(after.query()).as("the broken frame left nothing behind").isEqualTo("SELECT after");
        assertThat(out.isReadable()).isFalse();
        out.release();
    }

    @Test
    void anOrphanKeepsItsIdUntilItsLateAnswer() {
        // capacity 8: fill 7 ids, orphan one, then the 8th request takes the last id and a 9th finds none
        List<InFlightRequest<?>> requests = new ArrayList<>();
        List<Recorder> callbacks = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Recorder cb = new Recorder();
            callbacks.add(cb);
            InFlightRequest<?> r = query("SELECT " + i, cb);
            requests.add(r);
            send(r);
        }
        InFlightRequest<?> abandoned = requests.get(2);
        int abandonedId = abandoned.streamId;
        abandoned.abandon();
        dispatcher.orphan(abandoned);
        dispatcher.orphan(abandoned); // counted once
        assertThat(dispatcher.orphaned()).isEqualTo(1);
        assertThat(dispatcher.inUse()).isEqualTo(7);
        assertThat(dispatcher.awaiting(abandonedId)).as("no one waits on an orphan's id").isNull();

        // the other six are answered: their ids free up, the orphan's does not
        for (int i = 0; i < 7; i++) {
            if (i != 2) ch.writeInbound(response(ProtocolVersion.V4, requests.get(i).streamId, new Ready()));
        }
        assertThat(dispatcher.inUse()).isEqualTo(1);
        List<Integer> idsTaken = new ArrayList<>();
        for (int i = 0; i < 7; i++) idsTaken.add(send(query("again " + i, new Recorder())).stream());
        assertThat(idsTaken).doesNotContain(abandonedId);
        Recorder starved = new Recorder();
        ch.writeOneOutbound(query("one too many", starved));
        assertThat(starved.failures).singleElement().isInstanceOf(ConnectionException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("no free stream id"));

        // the late answer frees the id, and is not delivered
        ch.writeInbound(response(ProtocolVersion.V4, abandonedId, new Ready()));
        assertThat(callbacks.get(2).calls()).isZero();
        assertThat(dispatcher.orphaned()).isZero();
        assertThat(dispatcher.inUse()).isEqualTo(7);
        assertThat(send(query("reuses it", new Recorder())).stream()).isEqualTo(abandonedId);
    }

    @Test
    void orphaningARequestNotWaitingHereDoesNothing() {
        InFlightRequest<?> neverSent = query("SELECT 1", new Recorder());
        dispatcher.orphan(neverSent);
        InFlightRequest<?> answered = query("SELECT 2", new Recorder());
        int id = send(answered).stream();
        ch.writeInbound(response(ProtocolVersion.V4, id, new Ready()));
        dispatcher.orphan(answered);
        assertThat(dispatcher.orphaned()).isZero();
        assertThat(dispatcher.inUse()).isZero();
    }

    @Test
    void tooManyOrphansCloseTheConnection() {
        // capacity 8: the connection closes once more than 6 (3/4) ids wait on answers that never came
        List<InFlightRequest<?>> requests = new ArrayList<>();
        Recorder wanted = new Recorder();
        for (int i = 0; i < 8; i++) {
            InFlightRequest<?> r = query("SELECT " + i, i == 7 ? wanted : new Recorder());
            requests.add(r);
            send(r);
        }
        for (int i = 0; i < 6; i++) {
            requests.get(i).abandon();
            dispatcher.orphan(requests.get(i));
        }
        assertThat(ch.isOpen()).isTrue();
        requests.get(6).abandon();
        dispatcher.orphan(requests.get(6));
        assertThat(ch.isOpen()).isFalse();
        // the one still wanted learns that the connection went away
        assertThat(wanted.failures).singleElement().isInstanceOf(ConnectionException.class);
    }
}
