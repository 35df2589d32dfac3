package io.jsylla.internal.routing;


/**
 * Cassandra's and ScyllaDB's default partitioner: the token is the first 64 bits of MurmurHash3
 * x64_128 (seed 0) of the key, computed bit for bit like the server.
 *
 * <p>Two server behaviours are reproduced on purpose, since a token that differs by one bit routes
 * to the wrong replicas:
 * <ul>
 *   <li>the 1..15 tail bytes are read as <em>signed</em> bytes and sign-extended before being
 *       shifted into place (reference MurmurHash3 reads them unsigned); keys whose tail holds a byte
 *       &ge; 0x80 therefore hash differently from the reference algorithm;</li>
 *   <li>{@code Long.MIN_VALUE} is the minimum token, reserved for the empty key, so a hash of
 *       {@code Long.MIN_VALUE} becomes {@code Long.MAX_VALUE}.</li>
 * </ul>
 */
public final class Murmur3Partitioner implements Partitioner {

    public static final Murmur3Partitioner INSTANCE = new Murmur3Partitioner();

    private static final Murmur3Token MINIMUM = new Murmur3Token(Long.MIN_VALUE);
    private static final java.lang.invoke.VarHandle LITTLE_ENDIAN_LONG =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    public Murmur3Partitioner() {
    }

    @Override
    public Token hash(byte[] key, int offset, int length) {
        if (length == 0) {
            return MINIMUM;
        }
        long h1 = hash3x64128h1(key, offset, length);
        return new Murmur3Token(h1 == Long.MIN_VALUE ? Long.MAX_VALUE : h1);
    }

    @Override
    public Token parse(String token) {
        try {
            return new Murmur3Token(Long.parseLong(token.trim()));
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("not a Murmur3Partitioner token: '" + token + "'", e);
        }
    }

    @Override
    public Token minimum() {
        return MINIMUM;
    }

    @Override
    public String className() {
        return "org.apache.cassandra.dht.Murmur3Partitioner";
    }

    @Override
    public String toString() {
        return "Murmur3Partitioner";
    }

    /** The h1 half of the server's MurmurHash3 x64_128, seed 0, over {@code length} bytes at {@code off}. */
    static long hash3x64128h1(byte[] key, int off, int length) {
        long h1 = 0;
        long h2 = 0;
        int blocks = length >>> 4;
        for (int i = 0; i < blocks; i++) {
            int at = off + (i << 4);
            h1 ^= mixK1(littleEndianLong(key, at));
            h1 = Long.rotateLeft(h1, 27) + h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= mixK2(littleEndianLong(key, at + 8));
            h2 = Long.rotateLeft(h2, 31) + h1;
            h2 = h2 * 5 + 0x38495ab5;
        }

        int tail = off + (blocks << 4);
        int rest = length & 15;
        if (rest > 8) {
            long k2 = 0;
            for (int i = rest - 1; i >= 8; i--) {
                k2 ^= (long) key[tail + i] << ((i - 8) << 3); // signed byte: the server's quirk
            }
            h2 ^= mixK2(k2);
        }
        if (rest > 0) {
            long k1 = 0;
            for (int i = Math.min(rest, 8) - 1; i >= 0; i--) {
                k1 ^= (long) key[tail + i] << (i << 3); // signed byte: the server's quirk
            }
            h1 ^= mixK1(k1);
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

    private static long littleEndianLong(byte[] b, int at) {
        return (long) LITTLE_ENDIAN_LONG.get(b, at);
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
