package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

import java.util.zip.CRC32;

/** The two checksums of v5 segments: CRC24 over the header, seeded CRC32 over the payload. */
public final class Crc {

    private static final int CRC24_INIT = 0x875060;
    private static final int CRC24_POLY = 0x1974F0B;
    /** Seeding the CRC32 keeps an all-zero payload from having an all-zero checksum. */
    private static final byte[] CRC32_SEED = {(byte) 0xFA, (byte) 0x2D, (byte) 0x55, (byte) 0xCA};

    private Crc() {
    }

    /**
     * CRC24 of the first {@code byteCount} header bytes, given as the little-endian integer they form
     * (so the lowest byte is the first on the wire). Each byte enters at bits 16-23, MSB first.
     */
    public static int crc24(long headerBitsLittleEndian, int byteCount) {
        int crc = CRC24_INIT;
        long data = headerBitsLittleEndian;
        for (int i = 0; i < byteCount; i++) {
            crc ^= (int) (data & 0xFF) << 16;
            data >>>= 8;
            for (int bit = 0; bit < 8; bit++) {
                crc <<= 1;
                if ((crc & 0x1000000) != 0) crc ^= CRC24_POLY; // the polynomial's bit 24 clears the overflow
            }
        }
        return crc;
    }

    /** CRC32 of {@code length} bytes at {@code index}, seeded with FA 2D 55 CA; the reader index is untouched. */
    public static int crc32(ByteBuf buf, int index, int length) {
        CRC32 crc = new CRC32();
        crc.update(CRC32_SEED);
        if (buf.hasArray()) {
            crc.update(buf.array(), buf.arrayOffset() + index, length);
        } else {
            crc.update(buf.internalNioBuffer(index, length)); // a view Netty keeps: no allocation per segment
        }
        return (int) crc.getValue();
    }
}
