package io.jsylla.internal.routing;

/**
 * A position on the token ring. Tokens of one partitioner are totally ordered; comparing tokens of
 * different partitioners is a programming error and throws {@link ClassCastException}, as
 * {@link Comparable} allows.
 *
 * <p>Subclasses are immutable value types with {@code equals}/{@code hashCode} consistent with
 * {@code compareTo}. {@code toString()} renders the token the way {@code system.local} lists it, so
 * {@code partitioner.parse(token.toString())} round-trips.
 */
public abstract sealed class Token implements Comparable<Token>
        permits Murmur3Token, RandomToken, ByteOrderedToken {

    Token() {
    }

    /** Casts {@code other} to this token's class, failing clearly on a partitioner mix-up. */
    final <T extends Token> T sameKind(Token other, Class<T> kind) {
        if (!kind.isInstance(other)) {
            throw new ClassCastException("cannot compare " + getClass().getSimpleName() + " with "
                    + (other == null ? "null" : other.getClass().getSimpleName()));
        }
        return kind.cast(other);
    }
}
