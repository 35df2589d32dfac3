package io.jsylla.internal.request;

import io.jsylla.BootstrappingException;
import io.jsylla.ConnectionException;
import io.jsylla.Consistency;
import io.jsylla.NoHostAvailableException;
import io.jsylla.NodeInfo;
import io.jsylla.OverloadedException;
import io.jsylla.ReadTimeoutException;
import io.jsylla.RequestTimeoutException;
import io.jsylla.ScyllaException;
import io.jsylla.Statement;
import io.jsylla.UnavailableException;
import io.jsylla.WriteTimeoutException;
import io.jsylla.internal.connection.Connection;
import io.jsylla.internal.pool.NodePool;
import io.jsylla.internal.pool.PoolRegistry;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.Request;
import io.jsylla.internal.protocol.Response;
import io.jsylla.internal.protocol.Responses;
import io.jsylla.internal.protocol.Result;
import io.jsylla.policies.ClusterView;
import io.jsylla.policies.LoadBalancingPolicy;
import io.jsylla.policies.RequestInfo;
import io.jsylla.policies.RetryDecision;
import io.netty.util.Timer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
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
 * <p>A subclass says what the message is and what an answer becomes. The execution is itself the
 * future the caller gets, the {@link RequestInfo} the policies see and its own first
 * {@link Attempt} (what one node is sent and how its errors are retried), which is the
 * connection's in-flight request: a request that needs one attempt is one object. Speculative
 * executions are attempts of their own. Cancelling the future abandons the request.
 *
 * <p>Answers and timeouts (connections sweep their pending requests every few milliseconds
 * against the request's deadline) arrive on the connections' event loops, speculative starts on
 * the timer thread: the little shared state (plan, errors, executions) is guarded by this object.
 */
public abstract class RequestExecution<T> extends Attempt<T> implements RequestInfo {

    /** What every request of a session uses: the nodes' pools by address, the policies' view of the nodes, metrics and the timer. */
    public record Services(PoolRegistry pools, ClusterView view, Listener listener, Timer timer) {}

    /** What one request runs with, resolved from its statement, its execution profile and the session. */
    public interface Settings {
        Consistency consistency();

        boolean idempotent();

        boolean tracing();

        long timeoutMillis();

        ExecutionPolicies policies();
    }

    /** What the execution reports to metrics. */
    public interface Listener {
        void retried();

        void speculativeExecutionStarted();

        void ended(long latencyNanos, Throwable error);
    }

    private static final VarHandle FINISHED;

    static {
        try {
            FINISHED = MethodHandles.lookup().findVarHandle(RequestExecution.class, "finished", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Statement<?> statement;
    private final String keyspace;
    private final Settings settings;
    /** 1 once an answer, a final error, the timeout or a cancel ended the request; metrics are recorded before the caller wakes. */
    private volatile int finished;
    private volatile Consistency consistency;
    private NodeInfo firstNode;                       // guarded by this: the policy's cheap first pick, if any
    private boolean firstNodeTaken;                   // guarded by this
    private Iterator<NodeInfo> plan;                  // guarded by this: made at start, or after the first node if it was picked alone
    private Map<InetSocketAddress, Throwable> errors; // guarded by this; made on the first error
    private List<Attempt<?>> speculative;             // guarded by this; made on the first speculative start
    private int alive;                                // guarded by this

    /**
     * @param statement  what the policies see as the request's statement
     * @param keyspace   the keyspace it routes in, or null
     */
    protected RequestExecution(Statement<?> statement, String keyspace, Settings settings) {
        this.statement = statement;
        this.keyspace = keyspace;
        this.settings = settings;
        this.consistency = settings.consistency();
        // When the request gives up: connections sweep their requests against it, and every attempt has it.
        deadline(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.timeoutMillis()));
    }

    /** When the request started ({@link System#nanoTime()}): read once, with the deadline, and shared by what needs it. */
    public final long startNanos() {
        return deadline() - TimeUnit.MILLISECONDS.toNanos(settings.timeoutMillis());
    }

    // ---- what a kind of request says

    /** The message to send, at the request's current {@link #consistency()}. */
    protected abstract Request message();

    /** Completes this future from a successful answer, at once or after more work. Runs on an event loop. */
    protected abstract void finish(Result result, Frame frame, NodePool node);

    /** The message in an answer; a kind of request that knows what to expect may read it faster. */
    protected Response decode(Frame frame) {
        return Responses.decode(frame);
    }

    /**
     * Re-prepares the request's statement on a connection whose node answered UNPREPARED, within
     * the request's deadline; null when the request has nothing to re-prepare.
     */
    protected CompletableFuture<Void> reprepare(Connection connection, long deadline) {
        return null;
    }

    /** The consistency the next send uses: the statement's, unless a retry decision lowered it. */
    protected final Consistency consistency() {
        return consistency;
    }

    protected final Settings settings() {
        return settings;
    }

    @Override
    final RequestExecution<?> owner() {
        return this;
    }

    @Override
    final int number() {
        return 1;
    }

    /** What the session's requests share (asked for, not kept: the hot path's object stays small). */
    protected abstract Services services();

    final boolean isFinished() {
        return finished != 0;
    }

    /** A retry decision asked for a lower consistency: later sends of every attempt use it. */
    final void lowerConsistency(Consistency c) {
        consistency = c;
    }

    // ---- RequestInfo

    @Override
    public final Statement<?> statement() {
        return statement;
    }

    @Override
    public final String keyspace() {
        return keyspace;
    }

    /** The request's partition key, or null: {@link RequestInfo#routingKey()}, which subclasses answer. */
    @Override
    public abstract ByteBuffer routingKey();

    @Override
    public final boolean idempotent() {
        return settings.idempotent();
    }

    // ---- the life

    /** Plans and sends the request; returns this future. */
    public final RequestExecution<T> start() {
        LoadBalancingPolicy policy = settings.policies().loadBalancing();
        try {
            firstNode = policy.firstNode(this, services().view());
            if (firstNode == null) plan = policy.newQueryPlan(this, services().view());
        } catch (RuntimeException e) {
            fail(new ScyllaException("the load balancing policy failed to plan the request: " + e.getMessage(), e));
            return this;
        }
        synchronized (this) {
            alive++;
        }
        if (sendToNext()) scheduleSpeculative(1);
        return this;
    }

    /** Starts one more attempt, a speculative execution, on the next usable node. */
    private void startSpeculative() {
        Attempt<?> ex;
        synchronized (this) {
            if (finished != 0) return;
            if (speculative == null) speculative = new ArrayList<>(2);
            ex = new Speculative(speculative.size() + 2);
            speculative.add(ex);
            alive++;
        }
        if (ex.sendToNext()) scheduleSpeculative(ex.number());
    }

    /** A speculative execution: an attempt of this request's, on the next node of its plan. */
    private final class Speculative extends Attempt<Void> {
        private final int number;

        Speculative(int number) {
            this.number = number;
        }

        @Override
        int number() {
            return number;
        }

        @Override
        RequestExecution<?> owner() {
            return RequestExecution.this;
        }
    }

    private void scheduleSpeculative(int running) {
        if (!settings.idempotent()) return;
        long delay = settings.policies().speculative().nextDelayMillis(this, running);
        if (delay < 0) return;
        services().timer().newTimeout(t -> {
            if (finished != 0) return;
            services().listener().speculativeExecutionStarted();
            startSpeculative();
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** The next node of the plan, or null when the plan is used up. */
    final NodeInfo nextNode() {
        synchronized (this) {
            if (firstNode != null && !firstNodeTaken) {
                firstNodeTaken = true;
                return firstNode;
            }
            if (plan == null) {
                try {
                    plan = settings.policies().loadBalancing().newQueryPlan(this, services().view());
                } catch (RuntimeException e) {
                    recordError(firstNode.address(), new ScyllaException("the load balancing policy failed to plan the rest"
                            + " of the request: " + e.getMessage(), e));
                    plan = java.util.Collections.emptyIterator();
                }
            }
            while (plan.hasNext()) {
                NodeInfo next = plan.next();
                if (firstNode != null && next.address().equals(firstNode.address())) continue; // tried first
                return next;
            }
            return null;
        }
    }

    final void recordError(InetSocketAddress node, Throwable error) {
        synchronized (this) {
            if (errors == null) errors = new LinkedHashMap<>();
            errors.put(node, error);
        }
    }

    /** An attempt gave up ({@code error}, or null when its plan ran out): the request fails if it was the last one running. */
    final void attemptEnded(Throwable error) {
        boolean last;
        synchronized (this) {
            last = --alive == 0;
        }
        if (!last) return;
        if (error != null) fail(error);
        else {
            Map<InetSocketAddress, Throwable> copy;
            synchronized (this) {
                copy = errors == null ? new LinkedHashMap<>() : new LinkedHashMap<>(errors);
            }
            fail(new NoHostAvailableException("No node could take the request", copy));
        }
    }

    /** The policy's decision, within the rule that a non-idempotent statement never runs twice. */
    final RetryDecision decide(Throwable error, int retries) {
        boolean idempotent = settings.idempotent();
        var retry = settings.policies().retry();
        try {
            if (error instanceof ReadTimeoutException rt) return retry.onReadTimeout(this, rt, retries);
            if (error instanceof UnavailableException u) return retry.onUnavailable(this, u, retries);
            if (error instanceof WriteTimeoutException wt) {
                return idempotent ? retry.onWriteTimeout(this, wt, retries) : RetryDecision.RETHROW;
            }
            if (error instanceof ScyllaException && !(error instanceof ConnectionException)
                    && !(error instanceof OverloadedException) && !(error instanceof BootstrappingException)
                    && !(error instanceof io.jsylla.ServerErrorException)) {
                return RetryDecision.RETHROW; // the statement itself is wrong: syntax, invalid, unauthorized...
            }
            // Overloaded and bootstrapping coordinators ran nothing; a broken connection or a server error may have.
            boolean mayHaveRun = !(error instanceof OverloadedException || error instanceof BootstrappingException);
            if (mayHaveRun && !idempotent) return RetryDecision.RETHROW;
            return retry.onRequestError(this, error, mayHaveRun, retries);
        } catch (RuntimeException e) {
            return RetryDecision.RETHROW;
        }
    }

    private long latency() {
        return System.nanoTime() - startNanos();
    }

    final void timedOut() {
        if (FINISHED.compareAndSet(this, 0, 1)) {
            RequestTimeoutException e = new RequestTimeoutException("Request did not complete within "
                    + settings.timeoutMillis() + " ms; it may or may not have been applied");
            services().listener().ended(latency(), e);
            super.completeExceptionally(e);
            abandonAll();
        }
    }

    /** @param now {@link System#nanoTime()} as the answer was read */
    final void succeed(Result result, Frame frame, NodePool node, long now) {
        if (FINISHED.compareAndSet(this, 0, 1)) {
            long latency = now - startNanos();
            services().listener().ended(latency, null);
            settings.policies().speculative().onLatency(latency);
            try {
                finish(result, frame, node);
            } catch (RuntimeException e) {
                super.completeExceptionally(e);
            }
            if (speculative != null) abandonAll(); // speculative executions lost the race
        }
    }

    private void fail(Throwable e) {
        Throwable error = e instanceof ScyllaException || e instanceof IllegalArgumentException ? e
                : new ScyllaException(String.valueOf(e.getMessage()), e);
        if (FINISHED.compareAndSet(this, 0, 1)) {
            services().listener().ended(latency(), error);
            super.completeExceptionally(error);
        }
    }

    /** The caller gave up on the request: its executions are abandoned, their answers dropped. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled && FINISHED.compareAndSet(this, 0, 1)) {
            services().listener().ended(latency(), new CancellationException());
            abandonAll();
        }
        return cancelled;
    }

    /** Abandons every attempt still waiting: their answers would come too late to matter. */
    private void abandonAll() {
        List<Attempt<?>> others;
        synchronized (this) {
            others = speculative == null ? List.of() : new ArrayList<>(speculative);
        }
        drop();
        for (Attempt<?> ex : others) ex.drop();
    }
}
