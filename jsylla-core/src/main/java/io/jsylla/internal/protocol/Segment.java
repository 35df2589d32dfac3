package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

/**
 * A decoded v5 segment: its (decompressed) payload and whether it holds whole frames only
 * (self-contained) or a slice of one large frame.
 */
public record Segment(ByteBuf payload, boolean selfContained) {
}
