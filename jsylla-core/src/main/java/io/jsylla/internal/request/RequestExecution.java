package io.jsylla.internal.request;

import io.jsylla.ConnectionException;
import io.jsylla.NoHostAvailableException;
import io.jsylla.ProtocolException;
import io.jsylla.RequestTimeoutException;
import io.jsylla.ScyllaException;
import io.jsylla.internal.cluster.Node;
import io.jsylla.internal.connection.Connection;
import io.jsylla.internal.connection.InFlightRequest;
import io.jsylla.internal.connection.ResponseCallback;
import io.jsylla.internal.connection.ServerErrors;
import io.jsylla.internal.pool.NodePool;
import io.jsylla.internal.protocol.ErrorResponse;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.Request;
import io.jsylla.internal.protocol.Response;
import io.jsylla.internal.protocol.Responses;
import io.jsylla.internal.protocol.Result;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One request's whole life, for every kind of request: walk the query plan to a node with a
 * free connection, send, read the answer; on an error decide (retry the same node, the next
 * one, or give up), re-prepare a statement a node forgot, and fail the request when its
 * timeout passes. Callbacks run on the connections' event loops; the timeout on the timer.
 */
public final class RequestExecution implements ResponseCallback {

    /** A successful answer: the result, its frame (tracing id, warnings) and the node that gave it. */
    public record Outcome(Result result, Frame frame, Node node) {}

    /** Re-prepares the request's statement on a connection whose node answered UNPREPARED. */
    public interface Reprepare {
        CompletableFuture<Void> on(Connection connection);
    }

    /** What the execution reports to metrics when it ends. */
    public interface Listener {
        void sent(Node node);

        void retried();

        void ended(long latencyNanos, Throwable error);
    }

    private final Request message;
    private final boolean idempotent;
    private final boolean tracing;
    private final Iterator<Node> plan;
    private final Reprepare reprepare;
    private final Listener listener;
    private final CompletableFuture<Outcome> result = new CompletableFuture<>();
    private final Map<InetSocketAddress, Throwable> errors = new LinkedHashMap<>();
    private final long startNanos = System.nanoTime();
    private final long timeoutMillis;
    private volatile Node node;
    private volatile Connection connection;
    private volatile InFlightRequest inFlight;
    private volatile Timeout timeout;
    private int retries;
    private boolean reprepared;

    private RequestExecution(Request message, boolean idempotent, boolean tracing, Iterator<Node> plan,
                             Reprepare reprepare, Listener listener, long timeoutMillis) {
        this.message = message;
        this.idempotent = idempotent;
        this.tracing = tracing;
        this.plan = plan;
        this.reprepare = reprepare;
        this.listener = listener;
        this.timeoutMillis = timeoutMillis;
    }

    /** Starts a request; the future completes with its outcome or its final error. */
    public static CompletableFuture<Outcome> start(Request message, boolean idempotent, boolean tracing,
                                                   Iterator<Node> plan, Reprepare reprepare, Listener listener,
                                                   Timer timer, long timeoutMillis) {
        RequestExecution e = new RequestExecution(message, idempotent, tracing, plan, reprepare, listener, timeoutMillis);
        e.timeout = timer.newTimeout(t -> e.onTimeout(), timeoutMillis, TimeUnit.MILLISECONDS);
        e.sendToNext();
        return e.result;
    }

    private void sendToNext() {
        while (plan.hasNext()) {
            if (sendTo(plan.next())) return;
        }
        fail(new NoHostAvailableException("No node could take the request", errors));
    }

    private boolean sendTo(Node n) {
        if (result.isDone()) return true;
        NodePool pool = n.pool();
        Connection c = pool == null ? null : pool.next();
        if (c == null) {
            errors.put(n.address(), new ConnectionException(n.address(), "no open connection", null));
            return false;
        }
        InFlightRequest r = new InFlightRequest(message, tracing, null, this);
        node = n;
        connection = c;
        inFlight = r;
        if (!c.trySend(r)) {
            errors.put(n.address(), new ConnectionException(n.address(), "connection busy (" + c.inFlight() + " in flight)", null));
            return false;
        }
        n.countRequest();
        listener.sent(n);
        return true;
    }

    @Override
    public void onResponse(Frame frame) {
        Response r;
        try {
            r = Responses.decode(frame);
        } catch (RuntimeException e) {
            fail(new ProtocolException(node.address(), "undecodable answer: " + e.getMessage()));
            return;
        }
        if (r instanceof Result res) {
            complete(new Outcome(res, frame, node));
        } else if (r instanceof ErrorResponse e) {
            if (e.code() == ErrorResponse.UNPREPARED && reprepare != null && !reprepared) {
                reprepared = true;
                Node same = node;
                reprepare.on(connection).whenComplete((x, err) -> {
                    if (err != null) fail(err);
                    else if (!sendTo(same)) sendToNext();
                });
                return;
            }
            onError(ServerErrors.toException(e, node.address()), true);
        } else {
            fail(new ProtocolException(node.address(), "unexpected " + r.getClass().getSimpleName() + " in answer to a request"));
        }
    }

    @Override
    public void onFailure(Throwable error) {
        onError(error, true);
    }

    private void onError(Throwable error, boolean mayHaveRun) {
        if (result.isDone()) return;
        switch (DefaultRetryRules.decide(error, retries, idempotent, mayHaveRun)) {
            case RETRY_SAME -> {
                retries++;
                listener.retried();
                if (!sendTo(node)) sendToNext();
            }
            case RETRY_NEXT -> {
                retries++;
                listener.retried();
                errors.put(node.address(), error);
                sendToNext();
            }
            default -> fail(error);
        }
    }

    private void onTimeout() {
        RequestTimeoutException e = new RequestTimeoutException("Request did not complete within " + timeoutMillis
                + " ms" + (node == null ? "" : " (last sent to " + node + ")") + "; it may or may not have been applied");
        if (result.completeExceptionally(e)) {
            Connection c = connection;
            InFlightRequest r = inFlight;
            if (c != null && r != null) c.cancel(r);
            listener.ended(System.nanoTime() - startNanos, e);
        }
    }

    private void complete(Outcome o) {
        if (result.complete(o)) {
            timeout.cancel();
            listener.ended(System.nanoTime() - startNanos, null);
        }
    }

    private void fail(Throwable e) {
        Throwable error = e instanceof ScyllaException || e instanceof IllegalArgumentException ? e
                : new ScyllaException(String.valueOf(e.getMessage()), e);
        if (result.completeExceptionally(error)) {
            Timeout t = timeout;
            if (t != null) t.cancel();
            listener.ended(System.nanoTime() - startNanos, error);
        }
    }
}
