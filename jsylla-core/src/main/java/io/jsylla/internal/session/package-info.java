/**
 * The session: {@code DefaultSession} implements the public API over the internal layers;
 * {@code StatementRunner} turns each API call into one immutable message and one request of the
 * execution core, of the kind that reads its answer ({@code ExecuteKind}, {@code QueryKind},
 * {@code PrepareKind}). Prepared statements' state lives here ({@code Prepared}, behind the
 * public types' implementations {@code DefaultPreparedStatement} and
 * {@code DefaultBoundStatement}), with the cache of statements prepared transparently.
 */
package io.jsylla.internal.session;
