package io.jsylla.internal.protocol;

/** Bytes that do not form a valid protocol message; the connection that produced them can no longer be trusted. */
public final class CodecException extends RuntimeException {

    public CodecException(String message) {
        super(message);
    }

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
