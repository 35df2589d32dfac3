/**
 * The session: {@code DefaultSession} implements the public API over the internal layers, and
 * {@code StatementRunner} turns each statement kind into a protocol message for the execution
 * core. Blocking API forms go through {@code Blocking}, which refuses to wait on I/O threads.
 */
package io.jsylla.internal.session;
