package io.jsylla.internal.routing;

/** A {@link Murmur3Partitioner} token: a signed 64-bit value. */
public final class Murmur3Token extends Token {

    private final long value;

    public Murmur3Token(long value) {
        this.value = value;
    }

    public long value() {
        return value;
    }

    @Override
    public int compareTo(Token other) {
        return Long.compare(value, sameKind(other, Murmur3Token.class).value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Murmur3Token t && t.value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
