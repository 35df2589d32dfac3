package io.jsylla.internal.request;

import io.jsylla.ConnectionException;
import io.jsylla.ProtocolException;
import io.jsylla.NodeInfo;
import io.jsylla.internal.connection.Connection;
import io.jsylla.internal.connection.InFlightRequest;
import io.jsylla.internal.connection.ServerErrors;
import io.jsylla.internal.pool.NodePool;
import io.jsylla.internal.protocol.ErrorResponse;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.Request;
import io.jsylla.internal.protocol.Response;
import io.jsylla.internal.protocol.Result;
import io.jsylla.policies.RetryDecision;
import java.util.concurrent.CompletableFuture;

/**
 * One attempt chain of a request, on one node at a time: it sends, and on an error follows the
 * retry policy (send again to the same node, move on to the next, or give up) and re-prepares a
 * statement the node forgot. It is the connection's in-flight request, re-armed for each send.
 *
 * <p>{@link RequestExecution} is its own first attempt, so a request that needs one attempt is
 * one object; each speculative execution is an attempt of its own. What the attempts share (the
 * plan, the errors, the outcome) is the request's: {@link #owner()}.
 */
abstract class Attempt<T> extends InFlightRequest<T> {
    private volatile NodeInfo node; // the plan's node of the current send
    private NodePool pool;          // its pool; written before node, and both before the send hands this to the connection
    private long sentNanos;
    private int retries;
    private boolean reprepared;

    /** The request this attempt belongs to. */
    abstract RequestExecution<?> owner();

    /** 1 for the request's own attempt, then 2, 3... for speculative ones. */
    abstract int number();

    /** The request's message at its consistency of the moment: a retry at a lower one sends that. */
    @Override
    public final Request request() {
        return owner().message();
    }

    @Override
    protected final boolean tracing() {
        return owner().settings().tracing();
    }

    /** Sends to the next node that takes it; false (and this attempt ends) when none does. */
    final boolean sendToNext() {
        RequestExecution<?> r = owner();
        NodeInfo n;
        while ((n = r.nextNode()) != null) {
            if (sendTo(n)) return true;
        }
        ended(null);
        return false;
    }

    private boolean sendTo(NodeInfo n) {
        RequestExecution<?> r = owner();
        if (r.isFinished()) return true;
        NodePool pool = r.services().pools().get(n.address());
        if (pool == null) return false; // not a node of the session's (a policy's own, or just removed): skipped
        Connection c = pool.next();
        if (c == null) {
            r.recordError(n.address(), new ConnectionException(n.address(), n.isUp() ? "no open connection" : "node is down", null));
            return false;
        }
        // A request's first send happens as it starts: its start time saves a clock read.
        sentNanos = node == null && r == this ? r.startNanos() : System.nanoTime();
        reset(r.deadline());
        this.pool = pool;
        node = n;
        if (!c.trySend(this)) {
            r.recordError(n.address(), new ConnectionException(n.address(), "connection busy (" + c.inFlight() + " in flight)", null));
            return false;
        }
        pool.countRequest();
        return true;
    }

    @Override
    public final void onResponse(Frame frame) {
        RequestExecution<?> r = owner();
        Response answer;
        try {
            answer = r.decode(frame);
        } catch (RuntimeException e) {
            finalError(new ProtocolException(node.address(), "undecodable answer: " + e.getMessage()));
            return;
        }
        if (answer instanceof Result res) {
            long now = System.nanoTime();
            report(null, now);
            r.succeed(res, frame, pool, now);
        } else if (answer instanceof ErrorResponse e) {
            if (e.code() == ErrorResponse.UNPREPARED && !reprepared && repreparing()) return;
            onError(ServerErrors.toException(e, node.address()));
        } else {
            finalError(new ProtocolException(node.address(), "unexpected " + answer.getClass().getSimpleName() + " in answer to a request"));
        }
    }

    /** Re-prepares on the same connection, then sends again to the same node; false if there is nothing to re-prepare. */
    private boolean repreparing() {
        CompletableFuture<Void> done = owner().reprepare(connection(), deadline());
        if (done == null) return false;
        reprepared = true;
        NodeInfo same = node;
        done.whenComplete((x, err) -> {
            if (err != null) finalError(err);
            else if (!sendTo(same)) sendToNext();
        });
        return true;
    }

    @Override
    public final void onFailure(Throwable error) {
        onError(error);
    }

    @Override
    public final void onTimeout() {
        owner().timedOut();
    }

    private void onError(Throwable error) {
        report(error, System.nanoTime());
        RequestExecution<?> r = owner();
        if (r.isFinished()) return;
        RetryDecision d = r.decide(error, retries);
        if (d.consistency() != null) r.lowerConsistency(d.consistency());
        switch (d.kind()) {
            case RETRY_SAME -> {
                retries++;
                r.services().listener().retried();
                if (!sendTo(node)) sendToNext();
            }
            case RETRY_NEXT -> {
                retries++;
                r.services().listener().retried();
                r.recordError(node.address(), error);
                sendToNext();
            }
            default -> finalError(error);
        }
    }

    private void report(Throwable error, long now) {
        try {
            owner().settings().policies().loadBalancing().onRequestCompleted(node, now - sentNanos, error);
        } catch (RuntimeException e) {
            // a policy's bookkeeping must not fail the request
        }
    }

    /** This attempt gives up with an error: the request fails unless another attempt still runs. */
    private void finalError(Throwable error) {
        owner().recordError(node.address(), error);
        ended(error);
    }

    private void ended(Throwable error) {
        owner().attemptEnded(error);
    }

    /** The request no longer wants this attempt's answer: the connection drops it when it comes. */
    final void drop() {
        Connection c = connection();
        if (c != null) c.cancel(this);
    }
}
