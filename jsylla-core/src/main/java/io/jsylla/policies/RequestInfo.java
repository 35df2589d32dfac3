package io.jsylla.policies;

import io.jsylla.Statement;
import java.nio.ByteBuffer;

/**
 * What a policy may know of a request. The driver's own requests implement this themselves (no
 * object made per request to describe it); {@link #of} makes one for tests and custom callers.
 */
public interface RequestInfo {

    /** The statement being executed. */
    Statement<?> statement();

    /** The keyspace the statement works in, or null when unknown. */
    String keyspace();

    /**
     * The serialized partition key, or null when unknown (then no token awareness): a view of the
     * request's own bytes. Read it (absolute gets, or a duplicate); never write it.
     */
    ByteBuffer routingKey();

    /** Whether running the request twice is harmless. */
    boolean idempotent();

    /**
     * Whether the request is a lightweight transaction (a statement ScyllaDB marked as one, or any
     * statement run at SERIAL or LOCAL_SERIAL consistency): load balancing sends such requests to
     * the replicas in ring order, primary first, unshuffled, to spare Paxos contention.
     */
    default boolean isLwt() {
        return false;
    }

    /** A plain description of a request. */
    static RequestInfo of(Statement<?> statement, String keyspace, ByteBuffer routingKey, boolean idempotent) {
        return new PlainRequestInfo(statement, keyspace, routingKey, idempotent);
    }
}
