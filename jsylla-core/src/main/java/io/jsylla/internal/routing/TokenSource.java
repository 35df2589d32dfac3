package io.jsylla.internal.routing;

/**
 * A request that hashes its own partition key, in place, so that routing it needs no view of
 * the key: a bound statement's key is already serialized inside its bound values.
 */
public interface TokenSource {
    /** The token of the request's partition key under {@code partitioner}, or null when it has none. */
    Token token(Partitioner partitioner);
}
