/**
 * Request execution: {@code RequestExecution} is one request's whole life, whatever its kind
 * (query, execute, batch, prepare): the query plan, speculative executions and the request
 * timeout; {@code Attempt}, which the request itself is first, sends to one node at a time,
 * follows retry decisions and re-prepares a statement a node forgot. Also the prepared statement
 * cache, query plans and session metrics.
 */
package io.jsylla.internal.request;
