package io.jsylla.internal.request;

import io.jsylla.BootstrappingException;
import io.jsylla.ConnectionException;
import io.jsylla.Consistency;
import io.jsylla.NoHostAvailableException;
import io.jsylla.NodeInfo;
import io.jsylla.OverloadedException;
import io.jsylla.ProtocolException;
import io.jsylla.ReadTimeoutException;
import io.jsylla.RequestTimeoutException;
import io.jsylla.ScyllaException;
import io.jsylla.UnavailableException;
import io.jsylla.WriteTimeoutException;
import io.jsylla.internal.cluster.Metadata;
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
import io.jsylla.policies.RequestInfo;
import io.jsylla.policies.RetryDecision;
import io.netty.util.Timer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One request's whole life, for every kind of request. It walks the query plan to a node with
 * a free connection and sends; on an error it asks the retry policy (same node, next node, or
 * give up, possibly at a lower consistency) and re-prepares a statement a node forgot; for an
 * idempotent request it may start speculative executions on the next nodes, the first answer
 * winning; and it fails the request when its timeout passes. A statement not marked idempotent
 * never runs twice once it may have reached a node, whatever the policy says.
 *
 * <p>Answers and timeouts (connections sweep their pending requests every few milliseconds
 * against the request's deadline) arrive on the connections' event loops, speculative starts on the
 * timer thread: the little shared state (plan, errors, executions) is guarded by this object.
 */
public final class RequestExecution<T> {

    /** A successful answer: the result, its frame (tracing id, warnings) and the node that gave it. */
    public record Outcome(Result result, Frame frame, Node node) {}

    /** Re-prepares the request's statement on a connection whose node answered UNPREPARED. */
    public interface Reprepare {
        /** @param deadline the request's deadline ({@link System#nanoTime()}), which the re-prepare must respect too */
        CompletableFuture<Void> on(Connection connection, long deadline);
    }

    /** Turns the outcome into what the caller waits for, at once or (after more work) later. */
    public interface Finisher<T> {
        void finish(Outcome outcome, CompletableFuture<T> target);
    }

    /** What the execution reports to metrics. */
    public interface Listener {
        void retried();

        void speculativeExecutionStarted();

        void ended(long latencyNanos, Throwable error);
    }

    private final MessageFactory messages;
    private final RequestInfo info;
    private final ExecutionPolicies policies;
    private final Iterator<NodeInfo> plan;
    private final Metadata metadata;
    private final Reprepare reprepare;
    private final Listener listener;
    private final Timer timer;
    private final boolean tracing;
    private final long timeoutMillis;
    private final long startNanos = System.nanoTime();
    private static final java.lang.invoke.VarHandle FINISHED;

    static {
        try {
            FINISHED = java.lang.invoke.MethodHandles.lookup().findVarHandle(RequestExecution.class, "finished", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Finisher<T> finisher;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    /** 1 once an answer, a final error or the timeout ended the request; metrics are recorded before the caller wakes. */
    private volatile int finished;
    private Map<InetSocketAddress, Throwable> errors; // guarded by this; made on the first error
    private Execution firstExecution;                 // guarded by this
    private List<Execution> speculative;              // guarded by this; made on the first speculative start
    private volatile Consistency consistency;
    /** When the request gives up ({@link System#nanoTime()}); connections sweep their requests against it. */
    private final long deadline;
    private int alive;

    private RequestExecution(MessageFactory messages, Consistency consistency, RequestInfo info, ExecutionPolicies policies,
                             Iterator<NodeInfo> plan, Metadata metadata, Reprepare reprepare, Listener listener,
                             Timer timer, boolean tracing, long timeoutMillis, Finisher<T> finisher) {
        this.messages = messages;
        this.finisher = finisher;
        this.consistency = consistency;
        this.info = info;
        this.policies = policies;
        this.plan = plan;
        this.metadata = metadata;
        this.reprepare = reprepare;
        this.listener = listener;
        this.timer = timer;
        this.tracing = tracing;
        this.timeoutMillis = timeoutMillis;
        this.deadline = startNanos + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /** Starts a request; the future completes with what the finisher makes of its outcome, or its final error. */
    public static <T> CompletableFuture<T> start(MessageFactory messages, Consistency consistency, RequestInfo info,
                                                 ExecutionPolicies policies, Iterator<NodeInfo> plan, Metadata metadata,
                                                 Reprepare reprepare, Listener listener, Timer timer, boolean tracing,
                                                 long timeoutMillis, Finisher<T> finisher) {
        RequestExecution<T> e = new RequestExecution<>(messages, consistency, info, policies, plan, metadata, reprepare,
                listener, timer, tracing, timeoutMillis, finisher);
        e.startExecution();
        return e.result;
    }

    /** Starts one more execution on the next usable node; the first is started by {@link #start}. */
    private void startExecution() {
        Execution ex;
        synchronized (this) {
            if (finished != 0) return;
            if (firstExecution == null) {
                ex = firstExecution = new Execution(1);
            } else {
                if (speculative == null) speculative = new ArrayList<>(2);
                ex = new Execution(speculative.size() + 2);
                speculative.add(ex);
            }
            alive++;
        }
        if (ex.sendToNext()) scheduleSpeculative(ex.number);
    }

    private void scheduleSpeculative(int running) {
        if (!info.idempotent()) return;
        long delay = policies.speculative().nextDelayMillis(info, running);
        if (delay < 0) return;
        timer.newTimeout(t -> {
            if (finished != 0) return;
            listener.speculativeExecutionStarted();
            startExecution();
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** The next node of the plan, or null when the plan is used up. */
    private Node nextNode() {
        synchronized (this) {
            while (plan.hasNext()) {
                Node n = metadata.node(plan.next().address());
                if (n != null) return n;
            }
            return null;
        }
    }

    private void recordError(InetSocketAddress node, Throwable error) {
        synchronized (this) {
            if (errors == null) errors = new LinkedHashMap<>();
            errors.put(node, error);
        }
    }

    /** One attempt chain on one node at a time: the first execution, or a speculative one. */
    private final class Execution implements ResponseCallback {
        final int number;
        private volatile Node node;
        private volatile Connection connection;
        private volatile InFlightRequest inFlight;
        private long sentNanos;
        private int retries;
        private boolean reprepared;

        Execution(int number) {
            this.number = number;
        }

        /** Sends to the next node that takes it; false (and this execution ends) when none does. */
        boolean sendToNext() {
            Node n;
            while ((n = nextNode()) != null) {
                if (sendTo(n)) return true;
            }
            ended(null);
            return false;
        }

        boolean sendTo(Node n) {
            if (finished != 0) return true;
            NodePool pool = n.pool();
            Connection c = pool == null ? null : pool.next();
            if (c == null) {
                recordError(n.address(), new ConnectionException(n.address(), n.isUp() ? "no open connection" : "node is down", null));
                return false;
            }
            InFlightRequest r = new InFlightRequest(messages.message(consistency), tracing, null, this).deadline(deadline);
            node = n;
            connection = c;
            inFlight = r;
            sentNanos = System.nanoTime();
            if (!c.trySend(r)) {
                recordError(n.address(), new ConnectionException(n.address(), "connection busy (" + c.inFlight() + " in flight)", null));
                return false;
            }
            n.countRequest();
            return true;
        }

        @Override
        public void onResponse(Frame frame) {
            Response r;
            try {
                r = Responses.decode(frame);
            } catch (RuntimeException e) {
                finalError(new ProtocolException(node.address(), "undecodable answer: " + e.getMessage()));
                return;
            }
            if (r instanceof Result res) {
                report(null);
                succeed(new Outcome(res, frame, node));
            } else if (r instanceof ErrorResponse e) {
                if (e.code() == ErrorResponse.UNPREPARED && reprepare != null && !reprepared) {
                    reprepared = true;
                    Node same = node;
                    reprepare.on(connection, deadline).whenComplete((x, err) -> {
                        if (err != null) finalError(err);
                        else if (!sendTo(same)) sendToNext();
                    });
                    return;
                }
                onError(ServerErrors.toException(e, node.address()));
            } else {
                finalError(new ProtocolException(node.address(), "unexpected " + r.getClass().getSimpleName() + " in answer to a request"));
            }
        }

        @Override
        public void onFailure(Throwable error) {
            onError(error);
        }

        @Override
        public void onTimeout() {
            RequestExecution.this.onTimeout();
        }

        private void onError(Throwable error) {
            report(error);
            if (finished != 0) return;
            RetryDecision d = decide(error, retries);
            if (d.consistency() != null) consistency = d.consistency();
            switch (d.kind()) {
                case RETRY_SAME -> {
                    retries++;
                    listener.retried();
                    if (!sendTo(node)) sendToNext();
                }
                case RETRY_NEXT -> {
                    retries++;
                    listener.retried();
                    recordError(node.address(), error);
                    sendToNext();
                }
                default -> finalError(error);
            }
        }

        private void report(Throwable error) {
            try {
                policies.loadBalancing().onRequestCompleted(node.info(), System.nanoTime() - sentNanos, error);
            } catch (RuntimeException e) {
                // a policy's bookkeeping must not fail the request
            }
        }

        /** This execution gives up with an error: the request fails unless another execution still runs. */
        private void finalError(Throwable error) {
            recordError(node.address(), error);
            ended(error);
        }

        private void ended(Throwable error) {
            boolean last;
            synchronized (RequestExecution.this) {
                last = --alive == 0;
            }
            if (!last) return;
            if (error != null) fail(error);
            else {
                Map<InetSocketAddress, Throwable> copy;
                synchronized (RequestExecution.this) {
                    copy = errors == null ? new LinkedHashMap<>() : new LinkedHashMap<>(errors);
                }
                fail(new NoHostAvailableException("No node could take the request", copy));
            }
        }

        void cancel() {
            Connection c = connection;
            InFlightRequest r = inFlight;
            if (c != null && r != null) c.cancel(r);
        }
    }

    /** The policy's decision, within the rule that a non-idempotent statement never runs twice. */
    private RetryDecision decide(Throwable error, int retries) {
        boolean idempotent = info.idempotent();
        try {
            if (error instanceof ReadTimeoutException rt) return policies.retry().onReadTimeout(info, rt, retries);
            if (error instanceof UnavailableException u) return policies.retry().onUnavailable(info, u, retries);
            if (error instanceof WriteTimeoutException wt) {
                return idempotent ? policies.retry().onWriteTimeout(info, wt, retries) : RetryDecision.RETHROW;
            }
            if (error instanceof ScyllaException && !(error instanceof ConnectionException)
                    && !(error instanceof OverloadedException) && !(error instanceof BootstrappingException)
                    && !(error instanceof io.jsylla.ServerErrorException)) {
                return RetryDecision.RETHROW; // the statement itself is wrong: syntax, invalid, unauthorized...
            }
            // Overloaded and bootstrapping coordinators ran nothing; a broken connection or a server error may have.
            boolean mayHaveRun = !(error instanceof OverloadedException || error instanceof BootstrappingException);
            if (mayHaveRun && !idempotent) return RetryDecision.RETHROW;
            return policies.retry().onRequestError(info, error, mayHaveRun, retries);
        } catch (RuntimeException e) {
            return RetryDecision.RETHROW;
        }
    }

    private void onTimeout() {
        RequestTimeoutException e = new RequestTimeoutException("Request did not complete within " + timeoutMillis
                + " ms; it may or may not have been applied");
        if (FINISHED.compareAndSet(this, 0, 1)) {
            listener.ended(System.nanoTime() - startNanos, e);
            result.completeExceptionally(e);
            cancelAll();
        }
    }

    private void succeed(Outcome o) {
        if (FINISHED.compareAndSet(this, 0, 1)) {
            long latency = System.nanoTime() - startNanos;
            listener.ended(latency, null);
            policies.speculative().onLatency(latency);
            try {
                finisher.finish(o, result);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
            if (speculative != null) cancelAll(); // speculative executions lost the race
        }
    }

    private void fail(Throwable e) {
        Throwable error = e instanceof ScyllaException || e instanceof IllegalArgumentException ? e
                : new ScyllaException(String.valueOf(e.getMessage()), e);
        if (FINISHED.compareAndSet(this, 0, 1)) {
            listener.ended(System.nanoTime() - startNanos, error);
            result.completeExceptionally(error);
        }
    }

    /** Abandons every execution still waiting: their answers would come too late to matter. */
    private void cancelAll() {
        List<Execution> all = new ArrayList<>(3);
        synchronized (this) {
            if (firstExecution != null) all.add(firstExecution);
            if (speculative != null) all.addAll(speculative);
        }
        for (Execution ex : all) ex.cancel();
    }
}
