package io.jsylla.internal.connection;

import io.jsylla.internal.protocol.FrameCodec;
import io.jsylla.internal.protocol.Opcode;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.Supported;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static io.jsylla.internal.connection.ConnectionTesting.RequestFrame;
import static io.jsylla.internal.connection.ConnectionTesting.response;
import static org.assertj.core.api.Assertions.assertThat;

/** Heartbeat as InFlightHandler runs it on the IdleStateHandler's events. */
class HeartbeatTest {
    private static final InetSocketAddress NODE = new InetSocketAddress("127.0.0.1", 9042);

    private final InFlightHandler handler = new InFlightHandler(NODE, ProtocolVersion.V4, 16, new Heartbeat(NODE));
    private final EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(FrameCodec.DEFAULT_MAX_BODY_LENGTH), handler);

    @Test
    void allIdleSendsOptionsAndItsAnswerFreesTheId() {
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_ALL_IDLE_STATE_EVENT);
        RequestFrame f = RequestFrame.readOnly(ch.readOutbound(), null);
        assertThat(f.opcode()).isEqualTo(Opcode.OPTIONS);
        assertThat(f.body().readableBytes()).isZero();
        assertThat(handler.inUse()).isEqualTo(1);

        ch.writeInbound(response(ProtocolVersion.V4, f.stream(), new Supported(Map.of("CQL_VERSION", List.of("3.0.0")))));
        assertThat(handler.inUse()).isZero();
        assertThat(ch.isOpen()).isTrue();

        ch.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        assertThat(RequestFrame.readOnly(ch.readOutbound(), null).opcode()).isEqualTo(Opcode.OPTIONS);
    }

    @Test
    void readerIdleClosesTheChannel() {
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        assertThat(ch.isOpen()).isFalse();
        assertThat(ch.<Object>readOutbound()).isNull();
    }

    @Test
    void writerIdleDoesNothing() {
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_WRITER_IDLE_STATE_EVENT);
        assertThat(ch.isOpen()).isTrue();
        assertThat(ch.<Object>readOutbound()).isNull();
    }
}
