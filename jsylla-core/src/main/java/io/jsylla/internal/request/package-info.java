/**
 * The execution core. {@code RequestExecution} is one request's whole life, whatever its kind,
 * read top to bottom in one file: the query plan, the attempt on one node at a time
 * ({@code Attempt}, which the request itself is first), retry decisions within the idempotence
 * rule, re-prepares, speculative executions, the deadline and completion. What differs between
 * kinds of request (how to read the answer, what it becomes, what to re-prepare) is a stateless
 * {@code RequestKind} the session plugs in; what is sent is an immutable protocol message. Also
 * the policies a request runs with and the session's metrics. Below it: connections and pools;
 * above it: the session.
 */
package io.jsylla.internal.request;
