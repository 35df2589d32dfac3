/**
 * Request execution: {@code RequestExecution} is one request's whole life, whatever its kind
 * (query, execute, batch, prepare): the query plan, the attempt on a node, retry decisions,
 * re-preparing a statement a node forgot, and the request timeout. Also the prepared statement
 * cache, query plans and session metrics.
 */
package io.jsylla.internal.request;
