package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.util.function.Consumer;

/**
 * Turns inbound v5 segment payloads back into frames: a self-contained segment must hold whole
 * frames; non-self-contained ones are slices of one large frame, accumulated until it is complete.
 * Frames inside segments are never compressed. Not thread-safe: one per connection.
 */
public final class FrameAssembler {

    private final int maxBodyLength;
    private ByteBuf partial; // bytes of a large frame gathered so far, or null
    private int partialLength = -1; // its total length once its header is in, else -1

    public FrameAssembler(int maxBodyLength) {
        this.maxBodyLength = maxBodyLength;
    }

    public void accept(Segment segment, Consumer<Frame> frames) {
        ByteBuf payload = segment.payload();
        if (segment.selfContained()) {
            if (partial != null) {
                throw new CodecException("self-contained segment arrived while a large frame was still incomplete");
            }
            while (payload.isReadable()) {
                int length = FrameCodec.frameLength(payload, maxBodyLength);
                if (length < 0 || length > payload.readableBytes()) {
                    throw new CodecException("self-contained segment ends with a partial frame ("
                            + payload.readableBytes() + " bytes left" + (length < 0 ? "" : ", frame needs " + length) + ")");
                }
                frames.accept(FrameCodec.decode(payload, null, false));
            }
            return;
        }
        if (partial == null) partial = Unpooled.buffer(payload.readableBytes());
        partial.writeBytes(payload);
        if (partialLength < 0) partialLength = FrameCodec.frameLength(partial, maxBodyLength);
        if (partialLength < 0 || partial.readableBytes() < partialLength) return;
        if (partial.readableBytes() > partialLength) {
            throw new CodecException("non-self-contained segments carried " + (partial.readableBytes() - partialLength)
                    + " bytes past the end of their frame");
        }
        ByteBuf complete = partial;
        partial = null;
        partialLength = -1;
        frames.accept(FrameCodec.decode(complete, null, false));
    }

    /** Whether part of a large frame is waiting for more segments. */
    public boolean hasPartialFrame() {
        return partial != null;
    }
}
