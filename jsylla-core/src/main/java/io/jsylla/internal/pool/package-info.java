/**
 * Connection pools: the connections to each node, their replacement with backoff when they
 * close, and the choice of the least busy one for a request.
 */
package io.jsylla.internal.pool;
