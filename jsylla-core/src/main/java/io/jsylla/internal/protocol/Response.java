package io.jsylla.internal.protocol;

/** A message a server sends; {@link Responses#decode} builds one from a frame. */
public sealed interface Response permits Ready, Supported, Authenticate, AuthChallenge, AuthSuccess, ErrorResponse,
        Result, Event {
}
