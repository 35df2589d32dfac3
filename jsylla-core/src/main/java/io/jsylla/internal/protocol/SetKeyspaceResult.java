package io.jsylla.internal.protocol;

/** The result of a USE statement. */
public record SetKeyspaceResult(String keyspace) implements Result {
}
