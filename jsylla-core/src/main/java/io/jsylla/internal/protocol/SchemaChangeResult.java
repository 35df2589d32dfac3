package io.jsylla.internal.protocol;

/** The result of a schema-altering statement. */
public record SchemaChangeResult(SchemaChange change) implements Result {
}
