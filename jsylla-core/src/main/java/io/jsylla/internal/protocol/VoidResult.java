package io.jsylla.internal.protocol;

/** A result carrying no information. */
public record VoidResult() implements Result {
    /** Every Void result is alike: one instance serves all. */
    public static final VoidResult INSTANCE = new VoidResult();
}
