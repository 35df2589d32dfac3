package io.jsylla.internal.protocol;

/** AUTH_CHALLENGE: a SASL challenge token, possibly null. */
public record AuthChallenge(byte[] token) implements Response {
}
