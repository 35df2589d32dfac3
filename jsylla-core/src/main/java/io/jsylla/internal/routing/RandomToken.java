package io.jsylla.internal.routing;

import java.math.BigInteger;
import java.util.Objects;

/** A {@link RandomPartitioner} token: an integer in [0, 2^127], or -1 for the minimum token. */
public final class RandomToken extends Token {

    private final BigInteger value;

    public RandomToken(BigInteger value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public BigInteger value() {
        return value;
    }

    @Override
    public int compareTo(Token other) {
        return value.compareTo(sameKind(other, RandomToken.class).value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RandomToken t && t.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
