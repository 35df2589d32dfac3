package io.jsylla.internal.connection;

import io.jsylla.ProtocolException;
import io.jsylla.RateLimitException;
import io.jsylla.ServerErrorException;
import io.jsylla.internal.protocol.ErrorResponse;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.ScyllaExtensions;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ScyllaDB's rate limit error, read with the code the connection negotiated. */
class RateLimitErrorTest {
    private static final InetSocketAddress NODE = new InetSocketAddress("127.0.0.1", 9042);
    private static final ScyllaExtensions NEGOTIATED = new ScyllaExtensions(61440, 0);

    /** [int code][string message][byte op type][byte rejected by coordinator]. */
    private static ErrorResponse decode(int code, String message, int opType, int byCoordinator) {
        ByteBuf b = Unpooled.buffer();
        b.writeInt(code);
        byte[] m = message.getBytes(StandardCharsets.UTF_8);
        b.writeShort(m.length).writeBytes(m);
        if (opType >= 0) b.writeByte(opType).writeByte(byCoordinator);
        return ErrorResponse.decode(b, ProtocolVersion.V4);
    }

    @Test
    void aRejectedWriteAndAReadAreSaidAsSuch() {
        var write = ServerErrors.toException(decode(61440, "per-partition rate limit reached", 1, 1), NODE, NEGOTIATED);
        assertThat(write).isInstanceOf(RateLimitException.class).hasMessageContaining("per-partition rate limit reached");
        RateLimitException w = (RateLimitException) write;
        assertThat(w.isRead()).isFalse();
        assertThat(w.rejectedByCoordinator()).isTrue();
        assertThat(w.code()).isEqualTo(61440);
        RateLimitException r = (RateLimitException) ServerErrors.toException(decode(61440, "limit", 0, 0), NODE, NEGOTIATED);
        assertThat(r.isRead()).isTrue();
        assertThat(r.rejectedByCoordinator()).isFalse();
    }

    @Test
    void withoutTheExtensionTheCodeIsAnUnknownServerError() {
        assertThat(ServerErrors.toException(decode(61440, "limit", 1, 1), NODE, ScyllaExtensions.NONE))
                .isInstanceOf(ServerErrorException.class).isNotInstanceOf(RateLimitException.class)
                .hasMessageContaining("0xf000");
    }

    @Test
    void aTruncatedBodyIsTheNodeBreakingTheProtocol() {
        assertThat(ServerErrors.toException(decode(61440, "limit", -1, 0), NODE, NEGOTIATED))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("without its operation type");
    }

    @Test
    void theRestOfAnUnknownErrorSurvivesReencoding() {
        ErrorResponse e = decode(61440, "limit", 1, 0);
        ByteBuf out = Unpooled.buffer();
        e.encode(out, ProtocolVersion.V4);
        assertThat(ErrorResponse.decode(out, ProtocolVersion.V4).rest()).containsExactly(1, 0);
    }
}
