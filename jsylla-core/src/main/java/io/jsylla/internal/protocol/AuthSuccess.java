package io.jsylla.internal.protocol;

/** AUTH_SUCCESS: authentication is over; a final token, possibly null. */
public record AuthSuccess(byte[] token) implements Response {
}
