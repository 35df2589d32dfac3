package io.jsylla.internal.routing;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Cassandra's legacy MD5 partitioner: the token is the absolute value of the 16-byte MD5 digest
 * read as a signed big-endian integer, so tokens lie in [0, 2^127]; -1 is the minimum token.
 */
public final class RandomPartitioner implements Partitioner {

    public static final RandomPartitioner INSTANCE = new RandomPartitioner();

    private static final RandomToken MINIMUM = new RandomToken(BigInteger.ONE.negate());

    // MessageDigest is stateful and not thread-safe; one per thread avoids a lookup per key.
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide MD5", e);
        }
    });

    public RandomPartitioner() {
    }

    @Override
    public Token hash(byte[] key, int offset, int length) {
        if (length == 0) {
            return MINIMUM;
        }
        MessageDigest md5 = MD5.get();
        md5.reset();
        md5.update(key, offset, length);
        return new RandomToken(new BigInteger(md5.digest()).abs());
    }

    @Override
    public Token parse(String token) {
        try {
            return new RandomToken(new BigInteger(token.trim()));
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("not a RandomPartitioner token: '" + token + "'", e);
        }
    }

    @Override
    public Token minimum() {
        return MINIMUM;
    }

    @Override
    public String className() {
        return "org.apache.cassandra.dht.RandomPartitioner";
    }

    @Override
    public String toString() {
        return "RandomPartitioner";
    }
}
