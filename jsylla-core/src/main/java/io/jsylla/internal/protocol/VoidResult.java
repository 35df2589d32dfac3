package io.jsylla.internal.protocol;

/** A result carrying no information. */
public record VoidResult() implements Result {
}
