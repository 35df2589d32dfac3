package io.jsylla;

import io.jsylla.internal.codec.Literals;

/**
 * Values written CQL-style, as the driver's own {@code toString()}s write them: 'text' quoted,
 * blobs as 0x..., inet addresses bare, lists in [], sets and maps in {}, tuples in (), UDTs in
 * {field: value}. For display (a shell, a log line); not guaranteed to parse back as CQL.
 */
public final class CqlLiterals {
    private CqlLiterals() {}

    /** {@code value} (any value a {@link Row} returns, or null) as a CQL-style literal. */
    public static String format(Object value) {
        return Literals.format(value);
    }
}
