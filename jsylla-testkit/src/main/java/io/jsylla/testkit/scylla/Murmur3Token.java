package io.jsylla.testkit.scylla;

import java.nio.ByteBuffer;

/**
 * The token Cassandra's {@code Murmur3Partitioner} gives a partition key: the first half of
 * MurmurHash3 x64/128 with seed 0, in Cassandra's variant, which sign-extends the tail bytes
 * (a standard MurmurHash3 masks them, and differs on keys whose length is not a multiple of 16
 * and whose tail holds a byte above 0x7F).
 */
public final class Murmur3Token {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private Murmur3Token() {}

    /** The token of a partition key given as its routing-key bytes (from position to limit). */
    public static long of(ByteBuffer key) {
        long h = hash(key);
        // Murmur3Partitioner.normalize: Long.MIN_VALUE is the ring's minimum token, never a key's.
        return h == Long.MIN_VALUE ? Long.MAX_VALUE : h;
    }

    /** The token of a partition key given as bytes. */
    public static long of(byte[] key) {
        return of(ByteBuffer.wrap(key));
    }

    private static long hash(ByteBuffer key) {
        int offset = key.position();
        int length = key.remaining();
        int blocks = length >> 4;
        long h1 = 0, h2 = 0;
        for (int i = 0; i < blocks; i++) {
            long k1 = littleEndianLong(key, offset + i * 16);
            long k2 = littleEndianLong(key, offset + i * 16 + 8);
            h1 ^= mixK1(k1);
            h1 = Long.rotateLeft(h1, 27) + h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= mixK2(k2);
            h2 = Long.rotateLeft(h2, 31) + h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        int tail = offset + blocks * 16;
        long k1 = 0, k2 = 0;
        // (long) key.get(...) sign-extends: Cassandra's variant, on purpose.
        switch (length & 15) {
            case 15: k2 ^= ((long) key.get(tail + 14)) << 48; // fall through
            case 14: k2 ^= ((long) key.get(tail + 13)) << 40; // fall through
            case 13: k2 ^= ((long) key.get(tail + 12)) << 32; // fall through
            case 12: k2 ^= ((long) key.get(tail + 11)) << 24; // fall through
            case 11: k2 ^= ((long) key.get(tail + 10)) << 16; // fall through
            case 10: k2 ^= ((long) key.get(tail + 9)) << 8; // fall through
            case 9:
                k2 ^= key.get(tail + 8);
                h2 ^= mixK2(k2);
                // fall through
            case 8: k1 ^= ((long) key.get(tail + 7)) << 56; // fall through
            case 7: k1 ^= ((long) key.get(tail + 6)) << 48; // fall through
            case 6: k1 ^= ((long) key.get(tail + 5)) << 40; // fall through
            case 5: k1 ^= ((long) key.get(tail + 4)) << 32; // fall through
            case 4: k1 ^= ((long) key.get(tail + 3)) << 24; // fall through
            case 3: k1 ^= ((long) key.get(tail + 2)) << 16; // fall through
            case 2: k1 ^= ((long) key.get(tail + 1)) << 8; // fall through
            case 1:
                k1 ^= key.get(tail);
                h1 ^= mixK1(k1);
                break;
            default:
                break;
        }
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        return h1 + h2;
    }

    private static long mixK1(long k1) {
        return Long.rotateLeft(k1 * C1, 31) * C2;
    }

    private static long mixK2(long k2) {
        return Long.rotateLeft(k2 * C2, 33) * C1;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    private static long littleEndianLong(ByteBuffer b, int index) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = (v << 8) | (b.get(index + i) & 0xFFL);
        return v;
    }
}
