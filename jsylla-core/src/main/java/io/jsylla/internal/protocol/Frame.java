package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A decoded response frame. The tracing id, warnings and custom payload that may open the body have
 * been stripped; {@code body} is an unpooled heap buffer holding only the message that follows them,
 * so it needs no release.
 *
 * @param tracingId     null when the frame has none
 * @param warnings      empty when the frame has none
 * @param customPayload empty when the frame has none
 */
public record Frame(ProtocolVersion version, int flags, int streamId, int opcode, UUID tracingId,
                    List<String> warnings, Map<String, ByteBuffer> customPayload, ByteBuf body) {
}
