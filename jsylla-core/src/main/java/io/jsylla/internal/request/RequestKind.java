package io.jsylla.internal.request;

import io.jsylla.internal.connection.Connection;
import io.jsylla.internal.pool.NodePool;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.Response;
import io.jsylla.internal.protocol.Responses;
import io.jsylla.internal.protocol.Result;
import io.jsylla.internal.routing.Partitioner;
import io.jsylla.internal.routing.Token;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * What differs between kinds of request (query, execute, batch, prepare): how to read the
 * answer, what a successful one becomes, and what to re-prepare when a node forgot a statement.
 * A kind keeps no state of any one request: {@link RequestExecution} hands it the request, whose
 * {@link RequestExecution#message() message} and {@link RequestExecution#context() context} say
 * the rest, so one instance per session serves every request of its kind.
 *
 * @param <T> what a request of this kind completes with
 */
public interface RequestKind<T> {

    /** What every request of the session uses. */
    RequestExecution.Services services();

    /** The message in an answer; a kind that knows what to expect may read it faster. */
    default Response decode(RequestExecution<T> request, Frame frame) {
        return Responses.decode(frame);
    }

    /** Completes {@code request} from a successful answer, at once or after more work. Runs on an event loop. */
    void finish(RequestExecution<T> request, Result result, Frame frame, NodePool node);

    /**
     * Re-prepares what the request runs on a connection whose node answered UNPREPARED, within
     * {@code deadline}; null when the request has nothing to re-prepare.
     */
    default CompletableFuture<Void> reprepare(RequestExecution<T> request, Connection connection, long deadline) {
        return null;
    }

    /** Whether the request is a lightweight transaction ({@link io.jsylla.policies.RequestInfo#isLwt}). */
    default boolean isLwt(RequestExecution<T> request) {
        return false;
    }

    /** The request's partition key when the statement gave none of its own, or null. */
    default ByteBuffer routingKey(RequestExecution<T> request) {
        return null;
    }

    /** The token of that key; a kind that holds the key serialized in its message may hash it in place. */
    default Token token(RequestExecution<T> request, Partitioner partitioner) {
        ByteBuffer key = routingKey(request);
        return key == null ? null : partitioner.hash(key);
    }
}
