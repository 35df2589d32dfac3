package io.jsylla.internal.codec;

/**
 * A value that cannot be encoded to, or bytes that cannot be decoded from, a CQL type.
 * Messages name the CQL type and the offending Java type, value or length.
 */
public final class CodecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CodecException(String message) {
        super(message);
    }

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
