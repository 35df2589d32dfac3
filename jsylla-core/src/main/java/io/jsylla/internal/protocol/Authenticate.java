package io.jsylla.internal.protocol;

/** AUTHENTICATE: the server requires authentication with the named IAuthenticator class. */
public record Authenticate(String authenticator) implements Response {
}
