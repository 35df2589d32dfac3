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

    /**
     * Adds complete encoded frames, back to back in {@code frames}' readable bytes (consumed, not
     * released), writing any segment that fills up to {@code out}.
     */
    public void add(ByteBuf frames, ByteBuf out) {
        while (frames.isReadable()) {
            int length = frames.readableBytes() < FrameCodec.HEADER_LENGTH ? -1
                    : FrameCodec.encodedLength(frames, frames.readerIndex());
            if (length < FrameCodec.HEADER_LENGTH || length > frames.readableBytes()) {
                throw new IllegalArgumentException("not whole frames: " + frames.readableBytes() + " bytes left, "
                        + (length < 0 ? "no frame header" : "the next frame needs " + length));
            }
            if (length > SegmentCodec.MAX_PAYLOAD_LENGTH) {
                flush(out); // frames must stay in order: earlier small ones go first
                for (int left = length; left > 0; ) {
                    int chunk = Math.min(SegmentCodec.MAX_PAYLOAD_LENGTH, left);
                    codec.encode(frames.readSlice(chunk), false, out);
                    left -= chunk;
                }
                continue;
            }
            if (pending.readableBytes() + length > SegmentCodec.MAX_PAYLOAD_LENGTH) flush(out);
            pending.writeBytes(frames, length);
        }
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
