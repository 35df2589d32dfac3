package io.jsylla.internal.protocol;

/** The schema changed somewhere in the cluster. */
public record SchemaChangeEvent(SchemaChange change) implements Event {
}
