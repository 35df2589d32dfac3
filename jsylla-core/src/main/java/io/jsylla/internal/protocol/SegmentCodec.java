package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * v5 segments: a little-endian header (17-bit payload length, with LZ4 a 17-bit uncompressed
 * length, then the self-contained bit), its CRC24, the payload and the payload's CRC32. With LZ4 an
 * uncompressed length of 0 means the payload went raw because compressing did not shrink it.
 */
public final class SegmentCodec {

    public static final int MAX_PAYLOAD_LENGTH = 131071;

    private static final int CRC24_LENGTH = 3;
    private static final int CRC32_LENGTH = 4;
    private static final int LENGTH_BITS = 17;

    private final boolean lz4;
    private final int headerBytes; // without the CRC24

    public SegmentCodec(boolean lz4) {
        this.lz4 = lz4;
        this.headerBytes = lz4 ? 5 : 3;
    }

    public boolean lz4() {
        return lz4;
    }

    /** The header length with its CRC24: 6, or 8 with LZ4. */
    public int headerLength() {
        return headerBytes + CRC24_LENGTH;
    }

    /** Appends one segment holding {@code payload}'s readable bytes (consumed; at most {@link #MAX_PAYLOAD_LENGTH}). */
    public void encode(ByteBuf payload, boolean selfContained, ByteBuf out) {
        int length = payload.readableBytes();
        if (length > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("segment payload of " + length + " bytes exceeds " + MAX_PAYLOAD_LENGTH);
        }
        ByteBuf compressed = null;
        if (lz4) {
            compressed = Unpooled.buffer(length + length / 255 + 16);
            Lz4Compressor.INSTANCE.compressBlock(payload.duplicate(), compressed);
            if (compressed.readableBytes() >= length) compressed = null; // not worth it: send raw
        }
        ByteBuf wire = compressed != null ? compressed : payload;
        long header = wire.readableBytes();
        int flagShift = LENGTH_BITS;
        if (lz4) {
            header |= (long) (compressed != null ? length : 0) << LENGTH_BITS;
            flagShift += LENGTH_BITS;
        }
        if (selfContained) header |= 1L << flagShift;

        for (int i = 0; i < headerBytes; i++) out.writeByte((int) (header >>> (8 * i)));
        out.writeMediumLE(Crc.crc24(header, headerBytes));
        int payloadStart = out.writerIndex();
        out.writeBytes(wire, wire.readerIndex(), wire.readableBytes());
        out.writeIntLE(Crc.crc32(out, payloadStart, wire.readableBytes()));
        payload.skipBytes(length);
    }

    /**
     * Decodes the segment at {@code in.readerIndex()} into a payload buffer of its own, or returns
     * null, consuming nothing, when it is not all readable yet.
     */
    public Segment decode(ByteBuf in) {
        return decode(in, null);
    }

    /**
     * Decodes the segment at {@code in.readerIndex()}, appending its (decompressed) payload to
     * {@code into} (a buffer of its own when null), whose readable bytes from its reader index are
     * then the segment's payload; or returns null, consuming nothing, when the segment is not all
     * readable yet. The header CRC is checked as soon as the header is there, so garbage fails fast
     * instead of making the caller wait for a bogus length.
     */
    public Segment decode(ByteBuf in, ByteBuf into) {
        int start = in.readerIndex();
        long header = header(in, start);
        if (header < 0) return null;
        int total = segmentLength(header);
        if (in.readableBytes() < total) return null;
        int payloadLength = (int) (header & MAX_PAYLOAD_LENGTH);
        int uncompressedLength = uncompressedLength(header);
        boolean selfContained = ((header >>> (lz4 ? 2 * LENGTH_BITS : LENGTH_BITS)) & 1) != 0;
        int payloadStart = start + headerLength();
        int expectedCrc = in.getIntLE(payloadStart + payloadLength);
        int actualCrc = Crc.crc32(in, payloadStart, payloadLength);
        if (expectedCrc != actualCrc) {
            throw new CodecException(String.format("segment payload CRC32 mismatch: received %08X, computed %08X",
                    expectedCrc, actualCrc));
        }
        ByteBuf payload = into != null ? into : Unpooled.buffer(uncompressedLength > 0 ? uncompressedLength : payloadLength);
        if (uncompressedLength > 0) {
            Lz4Compressor.INSTANCE.decompressBlock(in.slice(payloadStart, payloadLength), uncompressedLength, payload);
        } else {
            payload.writeBytes(in, payloadStart, payloadLength); // no view object on the way
        }
        in.readerIndex(start + total);
        return new Segment(payload, selfContained);
    }

    /**
     * The header of the segment at {@code at} (its bits, without the CRC24), or -1 when it is not
     * all readable yet; fails if the header's CRC24 does not match. {@link #segmentLength} and
     * {@link #decodedLength} read it.
     */
    public long header(ByteBuf in, int at) {
        if (in.writerIndex() - at < headerLength()) return -1;
        long header = 0;
        for (int i = 0; i < headerBytes; i++) header |= (long) in.getUnsignedByte(at + i) << (8 * i);
        int expectedHeaderCrc = in.getUnsignedMediumLE(at + headerBytes);
        int actualHeaderCrc = Crc.crc24(header, headerBytes);
        if (expectedHeaderCrc != actualHeaderCrc) {
            throw new CodecException(String.format("segment header CRC24 mismatch: received %06X, computed %06X",
                    expectedHeaderCrc, actualHeaderCrc));
        }
        return header;
    }

    /** The whole length of a segment with this header: the header, the payload and the CRC32. */
    public int segmentLength(long header) {
        return headerLength() + (int) (header & MAX_PAYLOAD_LENGTH) + CRC32_LENGTH;
    }

    /** How many bytes the payload of a segment with this header takes once decompressed. */
    public int decodedLength(long header) {
        int uncompressed = uncompressedLength(header);
        return uncompressed > 0 ? uncompressed : (int) (header & MAX_PAYLOAD_LENGTH);
    }

    /** With LZ4, the payload's length before compression; 0 when it went raw (and always without LZ4). */
    private int uncompressedLength(long header) {
        return lz4 ? (int) ((header >>> LENGTH_BITS) & MAX_PAYLOAD_LENGTH) : 0;
    }
}
