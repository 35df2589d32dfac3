package io.jsylla.internal.connection;

import io.jsylla.ConnectionException;
import io.jsylla.Consistency;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.FrameCodec;
import io.jsylla.internal.protocol.FrameFlags;
import io.jsylla.internal.protocol.Lz4Compressor;
import io.jsylla.internal.protocol.Opcode;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.Query;
import io.jsylla.internal.protocol.QueryParameters;
import io.jsylla.internal.protocol.Ready;
import io.jsylla.internal.protocol.Responses;
import io.jsylla.internal.protocol.SetKeyspaceResult;
import io.jsylla.internal.protocol.StatusChangeEvent;
import io.jsylla.internal.protocol.Values;
import io.jsylla.internal.protocol.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static io.jsylla.internal.connection.ConnectionTesting.RequestFrame;
import static io.jsylla.internal.connection.ConnectionTesting.response;
import static org.assertj.core.api.Assertions.assertThat;

class InFlightHandlerTest {
    private static final InetSocketAddress NODE = new InetSocketAddress("127.0.0.1", 9042);

    /** Records what a request's callback was given. */
    static class Recorder implements ResponseCallback {
        final List<Frame> responses = new ArrayList<>();
        final List<Throwable> failures = new ArrayList<>();

        @Override
        public void onResponse(Frame frame) {
            responses.add(frame);
        }

        @Override
        public void onFailure(Throwable error) {
            failures.add(error);
        }

        int calls() {
            return responses.size() + failures.size();
        }
    }

    private final InFlightHandler handler = new InFlightHandler(NODE, ProtocolVersion.V4, 8, new Heartbeat(NODE));
    // the decoder in front, as in the real pipeline, so the tests feed bytes
    private final EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(FrameCodec.DEFAULT_MAX_BODY_LENGTH), handler);

    private static InFlightRequest<?> query(String cql, Recorder callback) {
        return InFlightRequest.of(new Query(cql, QueryParameters.of(Consistency.ONE, Values.NONE)), false, null, callback);
    }

    /** Writes a request and returns the frame that went out. */
    private RequestFrame send(InFlightRequest<?> r) {
        ch.writeOutbound(r);
        return RequestFrame.readOnly(ch.readOutbound(), null);
    }

    @Test
    void aWrittenRequestGetsAStreamIdAndIsEncoded() {
        Recorder cb = new Recorder();
        InFlightRequest<?> r = query("SELECT 1", cb);
        RequestFrame f = send(r);
        assertThat(f.version()).isEqualTo(4);
        assertThat(f.opcode()).isEqualTo(Opcode.QUERY);
        assertThat(f.stream()).isEqualTo(r.streamId).isBetween(0, 7);
        assertThat(Wire.readLongString(f.body())).isEqualTo("SELECT 1");
        assertThat(handler.inUse()).isEqualTo(1);

        ch.writeInbound(response(ProtocolVersion.V4, f.stream(), new SetKeyspaceResult("ks")));
        assertThat(cb.responses).hasSize(1);
        assertThat(cb.failures).isEmpty();
        assertThat(Responses.decode(cb.responses.get(0))).isEqualTo(new SetKeyspaceResult("ks"));
        assertThat(handler.inUse()).isZero();
    }

    @Test
    void tracingCustomPayloadAndCompressionShowInTheFrame() {
        handler.compressor(Lz4Compressor.INSTANCE);
        InFlightRequest<?> r = InFlightRequest.of(new Query("SELECT 1", QueryParameters.of(Consistency.ONE, Values.NONE)),
                true, Map.of("k", ByteBuffer.wrap(new byte[] {1, 2})), new Recorder());
        ch.writeOutbound(r);
        RequestFrame f = RequestFrame.readOnly(ch.readOutbound(), Lz4Compressor.INSTANCE);
        assertThat(f.flags()).isEqualTo(FrameFlags.TRACING | FrameFlags.CUSTOM_PAYLOAD | FrameFlags.COMPRESSED);
        assertThat(Wire.readBytesMap(f.body())).containsOnlyKeys("k");
        assertThat(Wire.readLongString(f.body())).isEqualTo("SELECT 1");
    }

    @Test
    void outOfOrderResponsesReachTheirOwnCallbacks() {
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
        assertThat(handler.inUse()).isZero();
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
        assertThat(handler.inUse()).isEqualTo(1);

        // A duplicate answer on the first stream must not reach the re-armed request.
        ch.writeInbound(response(ProtocolVersion.V4, first.stream() == resent.get(0).stream() ? 7 : first.stream(),
                new SetKeyspaceResult("stale")));
        assertThat(r.responses).hasSize(1);

        ch.writeInbound(response(ProtocolVersion.V4, resent.get(0).stream(), new SetKeyspaceResult("two")));
        assertThat(r.responses).extracting(f -> Responses.decode(f))
                .containsExactly(new SetKeyspaceResult("one"), new SetKeyspaceResult("two"));
        assertThat(r.failures).isEmpty();
        assertThat(handler.inUse()).isZero();
    }

    @Test
    void eventsOnStreamMinusOneGoToTheListener() {
        List<Frame> events = new ArrayList<>();
        handler.eventListener(events::add);
        StatusChangeEvent up = new StatusChangeEvent("UP", new InetSocketAddress("10.0.0.2", 9042));
        ch.writeInbound(response(ProtocolVersion.V4, -1, up));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).opcode()).isEqualTo(Opcode.EVENT);
        assertThat(Responses.decode(events.get(0))).isEqualTo(up);
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
        assertThat(handler.inUse()).isZero();
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
    }

    @Test
    void aDecodingErrorClosesTheConnectionAndFailsPendingRequests() {
        Recorder cb = new Recorder();
        send(query("SELECT 1", cb));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x04, 0, 0, 0, 2, 0, 0, 0, 0})); // no response bit
        assertThat(ch.isOpen()).isFalse();
        // A malformed frame is the node breaking the protocol, and says so.
        assertThat(cb.failures).singleElement().isInstanceOf(io.jsylla.ProtocolException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("malformed frame").contains("version byte"));
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
        assertThat(handler.inUse()).isZero();
        assertThat(cb.calls()).as("a cancelled request's callback is not called").isZero();
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
        InFlightRequest abandoned = requests.get(2);
        int abandonedId = abandoned.streamId;
        abandoned.abandon();
        handler.orphan(ch.pipeline().context(handler), abandoned);
        handler.orphan(ch.pipeline().context(handler), abandoned); // counted once
        assertThat(handler.orphaned()).isEqualTo(1);
        assertThat(handler.inUse()).isEqualTo(7);

        // the other six are answered: their ids free up, the orphan's does not
        for (int i = 0; i < 7; i++) {
            if (i != 2) ch.writeInbound(response(ProtocolVersion.V4, requests.get(i).streamId, new Ready()));
        }
        assertThat(handler.inUse()).isEqualTo(1);
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
        assertThat(handler.orphaned()).isZero();
        assertThat(handler.inUse()).isEqualTo(7);
        assertThat(send(query("reuses it", new Recorder())).stream()).isEqualTo(abandonedId);
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
            handler.orphan(ch.pipeline().context(handler), requests.get(i));
        }
        assertThat(ch.isOpen()).isTrue();
        requests.get(6).abandon();
        handler.orphan(ch.pipeline().context(handler), requests.get(6));
        assertThat(ch.isOpen()).isFalse();
        // the one still wanted learns that the connection went away
        assertThat(wanted.failures).singleElement().isInstanceOf(ConnectionException.class);
    }

    @Test
    void aRequestPastItsDeadlineIsTimedOutAndItsIdHeldUntilTheLateAnswer() {
        Recorder late = new Recorder();
        InFlightRequest<?> r = query("SELECT 1", late).deadline(System.nanoTime() - 1);
        RequestFrame f = send(r);
        Recorder onTime = new Recorder();
        send(query("SELECT 2", onTime).deadline(System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1)));
        ch.advanceTimeBy(InFlightHandler.SWEEP_MILLIS * 2, java.util.concurrent.TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(late.failures).singleElement().isInstanceOf(io.jsylla.RequestTimeoutException.class);
        assertThat(onTime.calls()).as("a request within its deadline waits on").isZero();
        assertThat(handler.orphaned()).isEqualTo(1);
        assertThat(handler.inUse()).as("the late request's id stays taken").isEqualTo(2);
        // The late answer frees the id and reaches no one.
        ch.writeInbound(io.netty.buffer.Unpooled.wrappedBuffer(voidResult(f.stream())));
        assertThat(late.calls()).isEqualTo(1);
        assertThat(handler.orphaned()).isZero();
        assertThat(handler.inUse()).isEqualTo(1);
    }

    private static byte[] voidResult(int stream) {
        io.netty.buffer.ByteBuf body = io.netty.buffer.Unpooled.buffer().writeInt(1);
        io.netty.buffer.ByteBuf out = io.netty.buffer.Unpooled.buffer();
        FrameCodec.encodeResponse(out, ProtocolVersion.V4, 0, stream, Opcode.RESULT, body);
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }
}
