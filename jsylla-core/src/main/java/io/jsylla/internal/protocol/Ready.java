package io.jsylla.internal.protocol;

/** READY: the connection accepts queries. Empty body. */
public record Ready() implements Response {
}
