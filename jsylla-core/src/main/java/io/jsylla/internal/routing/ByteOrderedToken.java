package io.jsylla.internal.routing;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A {@link ByteOrderedPartitioner} token: the key bytes themselves, ordered as unsigned bytes
 * (a prefix sorts first); the empty array is the minimum token.
 */
public final class ByteOrderedToken extends Token {

    private final byte[] bytes;

    public ByteOrderedToken(byte[] bytes) {
        this.bytes = bytes.clone(); // defensive: tokens are map keys and must not change
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public int compareTo(Token other) {
        return Arrays.compareUnsigned(bytes, sameKind(other, ByteOrderedToken.class).bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteOrderedToken t && Arrays.equals(t.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Lower-case hex without prefix, as Cassandra lists byte-ordered tokens. */
    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
