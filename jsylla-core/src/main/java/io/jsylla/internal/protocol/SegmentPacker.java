package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Packs outbound v5 frames into segments: small frames accumulate into one self-contained segment
 * until the next would overflow it; a frame larger than a segment goes out alone, cut into
 * non-self-contained segments. Not thread-safe: one per connection, used from its event loop.
 */
public final class SegmentPacker {

    private final SegmentCodec codec;
    private final ByteBuf pending = Unpooled.buffer();

    public SegmentPacker(SegmentCodec codec) {
        this.codec = codec;
    }

    /** Adds one complete encoded frame (consumed, not released), writing any segment that fills up to {@code out}. */
    public void add(ByteBuf frame, ByteBuf out) {
        int length = frame.readableBytes();
        if (length > SegmentCodec.MAX_PAYLOAD_LENGTH) {
            flush(out); // frames must stay in order: earlier small ones go first
            while (frame.isReadable()) {
                int chunk = Math.min(SegmentCodec.MAX_PAYLOAD_LENGTH, frame.readableBytes());
                codec.encode(frame.readSlice(chunk), false, out);
            }
            return;
        }
        if (pending.readableBytes() + length > SegmentCodec.MAX_PAYLOAD_LENGTH) flush(out);
        pending.writeBytes(frame);
    }

    /** Writes the pending frames, if any, as one self-contained segment. */
    public void flush(ByteBuf out) {
        if (!pending.isReadable()) return;
        codec.encode(pending, true, out);
        pending.clear();
    }

    /** Bytes of frames waiting for {@link #flush}. */
    public int pendingBytes() {
        return pending.readableBytes();
    }
}
