package io.jsylla.internal.routing;

import java.util.HexFormat;

/**
 * Cassandra's order-preserving partitioner: the token is the key bytes; tokens are listed as hex.
 */
public final class ByteOrderedPartitioner implements Partitioner {

    public static final ByteOrderedPartitioner INSTANCE = new ByteOrderedPartitioner();

    private static final ByteOrderedToken MINIMUM = new ByteOrderedToken(new byte[0]);

    public ByteOrderedPartitioner() {
    }

    @Override
    public Token hash(byte[] key, int offset, int length) {
        return new ByteOrderedToken(java.util.Arrays.copyOfRange(key, offset, offset + length));
    }

    /** Hex digits, optionally prefixed {@code 0x}; an odd count gets a leading 0 as on the server. */
    @Override
    public Token parse(String token) {
        try {
            String hex = token.trim();
            if (hex.startsWith("0x") || hex.startsWith("0X")) {
                hex = hex.substring(2);
            }
            if ((hex.length() & 1) == 1) {
                hex = "0" + hex;
            }
            return new ByteOrderedToken(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("not a ByteOrderedPartitioner token: '" + token + "'", e);
        }
    }

    @Override
    public Token minimum() {
        return MINIMUM;
    }

    @Override
    public String className() {
        return "org.apache.cassandra.dht.ByteOrderedPartitioner";
    }

    @Override
    public String toString() {
        return "ByteOrderedPartitioner";
    }
}
