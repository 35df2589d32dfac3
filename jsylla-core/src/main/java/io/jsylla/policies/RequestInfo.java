package io.jsylla.policies;

import io.jsylla.Statement;
import java.nio.ByteBuffer;

/**
 * What a policy may know of a request.
 *
 * @param statement the statement being executed
 * @param keyspace the keyspace the statement works in, or null when unknown
 * @param routingKey the serialized partition key, or null when unknown (then no token awareness); a view
 *     of the request's own bytes: read it (absolute gets, or a duplicate), never write it
 * @param idempotent whether running it twice is harmless
 */
public record RequestInfo(Statement<?> statement, String keyspace, ByteBuffer routingKey, boolean idempotent) {}
