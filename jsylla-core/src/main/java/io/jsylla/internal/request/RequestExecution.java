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
import io.jsylla.ServerErrorException;
import io.jsylla.Statement;
import io.jsylla.UnavailableException;
import io.jsylla.WriteTimeoutException;
import io.jsylla.internal.connection.Connection;
import io.jsylla.internal.connection.InFlightRequest;
import io.jsylla.internal.connection.ServerErrors;
import io.jsylla.internal.pool.NodePool;
import io.jsylla.internal.pool.PoolRegistry;
import io.jsylla.internal.protocol.ErrorResponse;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.Request;
import io.jsylla.internal.protocol.Response;
import io.jsylla.internal.protocol.Result;
import io.jsylla.internal.protocol.ScyllaExtensions;
import io.jsylla.internal.routing.Murmur3Partitioner;
import io.jsylla.internal.routing.Partitioner;
import io.jsylla.internal.routing.Sharding;
import io.jsylla.internal.routing.Token;
import io.jsylla.internal.routing.TokenSource;
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
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One request's whole life, for every kind of request, top to bottom in this file:
 * <ol>
 *   <li>{@link #start}: the load balancing policy plans the nodes (its cheap first pick, the rest
 *       of the plan only if needed); the request's own {@link Attempt} sends to the first node
 *       with a free connection ({@link Attempt#sendToNext}).</li>
 *   <li>An answer ({@link Attempt#onResponse}, on the connection's event loop): a result ends the
 *       request ({@link #succeed}: metrics, the policies' latency, then {@link RequestKind#finish});
 *       UNPREPARED re-prepares on the same connection and sends again; another error goes to
 *       {@link #decide}, the retry policy within the idempotence rule: same node, next node, or
 *       give up, possibly at a lower consistency.</li>
 *   <li>For an idempotent request, speculative executions ({@link #scheduleSpeculative}): more
 *       attempts on the next nodes of the plan, on the timer; the first answer wins and the others
 *       are abandoned.</li>
 *   <li>The deadline: no timer entry per request; connections sweep their pending requests and
 *       call {@link Attempt#onTimeout} once it passed ({@link #timedOut}).</li>
 *   <li>When every attempt gave up: the last error, or {@link NoHostAvailableException} with each
 *       node's error when the plan ran out ({@link #attemptEnded}).</li>
 * </ol>
 * A statement not marked idempotent never runs twice once it may have reached a node, whatever
 * the policy says.
 *
 * <p>What differs between kinds of request is a stateless {@link RequestKind}; what the request
 * sends is an immutable {@link Request} message, replaced by one at a lower consistency when a
 * retry decision asks. The execution is at once the future the caller gets, the
 * {@link RequestInfo} the policies see and its own first attempt, the connection's in-flight
 * request: a request that needs one attempt costs this object and its message. Speculative
 * executions are attempts of their own. Cancelling the future abandons the request.
 *
 * <p>Answers and timeouts arrive on the connections' event loops, speculative starts on the
 * timer thread: the little shared state (plan, errors, executions) is guarded by this object.
 *
 * @param <T> what the request completes with
 */
public final class RequestExecution<T> extends Attempt<T> implements RequestInfo, TokenSource {

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

    private final RequestKind<T> kind;
    private final Object context;
    private final Statement<?> statement;
    private final String keyspace;
    private final Settings settings;
    /** What the next send writes: the first message, or one at the consistency a retry decision lowered it to. */
    private volatile Request message;
    /** 1 once an answer, a final error, the timeout or a cancel ended the request; metrics are recorded before the caller wakes. */
    private volatile int finished;
    private NodeInfo firstNode;    // guarded by this: the policy's cheap first pick, if any
    private boolean firstNodeTaken; // guarded by this
    private Detour detour;          // guarded by this: made when the request needs more than its first node
    private int alive;              // guarded by this

    /**
     * What a request needs only once it leaves the first node: the rest of the plan, the errors
     * met, the speculative executions. Kept apart so that a request answered by its first node
     * (nearly all) stays one small object.
     */
    private static final class Detour {
        Iterator<NodeInfo> plan;                  // made when the first node was picked alone and did not do
        Map<InetSocketAddress, Throwable> errors; // made on the first error
        List<Attempt<?>> speculative;             // made on the first speculative start
    }

    /** The detour, made on first need. Guarded by this. */
    private Detour detour() {
        if (detour == null) detour = new Detour();
        return detour;
    }

    /**
     * @param message    what to send
     * @param context    what the kind needs of this request besides its message (opaque here), or null
     * @param statement  what the policies see as the request's statement
     * @param keyspace   the keyspace it routes in, or null
     * @param startNanos {@link System#nanoTime()} as the request started: its deadline counts from it
     */
    public RequestExecution(RequestKind<T> kind, Request message, Object context, Statement<?> statement, String keyspace,
                            Settings settings, long startNanos) {
        this.kind = kind;
        this.message = message;
        this.context = context;
        this.statement = statement;
        this.keyspace = keyspace;
        this.settings = settings;
        // When the request gives up: connections sweep their requests against it, and every attempt has it.
        deadline(startNanos + TimeUnit.MILLISECONDS.toNanos(settings.timeoutMillis()));
    }

    /** When the request started ({@link System#nanoTime()}): read once, with the deadline, and shared by what needs it. */
    public long startNanos() {
        return deadline() - TimeUnit.MILLISECONDS.toNanos(settings.timeoutMillis());
    }

    /** The message the next send writes. */
    public Request message() {
        return message;
    }

    /** What the request's kind keeps of it besides the message, or null. */
    public Object context() {
        return context;
    }

    Settings settings() {
        return settings;
    }

    RequestKind<T> kind() {
        return kind;
    }

    Services services() {
        return kind.services();
    }

    @Override
    RequestExecution<?> owner() {
        return this;
    }

    @Override
    int number() {
        return 1;
    }

    boolean isFinished() {
        return finished != 0;
    }

    /** A retry decision asked for a lower consistency: later sends of every attempt use it. */
    void lowerConsistency(Consistency c) {
        message = message.atConsistency(c);
    }

    // ---- RequestInfo, and the token the policies route by

    @Override
    public Statement<?> statement() {
        return statement;
    }

    @Override
    public String keyspace() {
        return keyspace;
    }

    @Override
    public ByteBuffer routingKey() {
        return kind.routingKey(this);
    }

    @Override
    public Token token(Partitioner partitioner) {
        return kind.token(this, partitioner);
    }

    @Override
    public boolean idempotent() {
        return settings.idempotent();
    }

    @Override
    public boolean isLwt() {
        return kind.isLwt(this);
    }

    // ---- 1. start: plan and send

    /** Plans and sends the request; returns this future. */
    public RequestExecution<T> start() {
        LoadBalancingPolicy policy = settings.policies().loadBalancing();
        try {
            firstNode = policy.firstNode(this, services().view());
            if (firstNode == null) {
                Iterator<NodeInfo> plan = policy.newQueryPlan(this, services().view());
                synchronized (this) {
                    detour().plan = plan;
                }
            }
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

    /** The next node of the plan, or null when the plan is used up. */
    NodeInfo nextNode() {
        synchronized (this) {
            if (firstNode != null && !firstNodeTaken) {
                firstNodeTaken = true;
                return firstNode;
            }
            Detour d = detour();
            if (d.plan == null) {
                try {
                    d.plan = settings.policies().loadBalancing().newQueryPlan(this, services().view());
                } catch (RuntimeException e) {
                    recordError(firstNode.address(), new ScyllaException("the load balancing policy failed to plan the rest"
                            + " of the request: " + e.getMessage(), e));
                    d.plan = Collections.emptyIterator();
                }
            }
            Iterator<NodeInfo> plan = d.plan;
            while (plan.hasNext()) {
                NodeInfo next = plan.next();
                if (firstNode != null && next.address().equals(firstNode.address())) continue; // tried first
                return next;
            }
            return null;
        }
    }

    // ---- 2. answers and errors: see Attempt below for one node's side

    /** @param now {@link System#nanoTime()} as the answer was read */
    void succeed(Result result, Frame frame, NodePool node, long now) {
        if (FINISHED.compareAndSet(this, 0, 1)) {
            long latency = now - startNanos();
            services().listener().ended(latency, null);
            settings.policies().speculative().onLatency(latency);
            try {
                kind.finish(this, result, frame, node);
            } catch (RuntimeException e) {
                super.completeExceptionally(e);
            }
            if (hasSpeculative()) abandonAll(); // speculative executions lost the race
        }
    }

    /**
     * The policy's decision, within the rule that a non-idempotent statement never runs twice.
     *
     * @param retries how often the attempt already retried after this kind of error
     */
    RetryDecision decide(Throwable error, int retries) {
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
                    && !(error instanceof ServerErrorException)) {
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

    void recordError(InetSocketAddress node, Throwable error) {
        synchronized (this) {
            Detour d = detour();
            if (d.errors == null) d.errors = new LinkedHashMap<>();
            d.errors.put(node, error);
        }
    }

    // ---- 3. speculative executions

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

    /** Starts one more attempt, a speculative execution, on the next usable node. */
    private void startSpeculative() {
        Attempt<?> ex;
        synchronized (this) {
            if (finished != 0) return;
            Detour d = detour();
            if (d.speculative == null) d.speculative = new ArrayList<>(2);
            ex = new Speculative(d.speculative.size() + 2);
            d.speculative.add(ex);
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

    // ---- 4. the deadline

    void timedOut() {
        if (FINISHED.compareAndSet(this, 0, 1)) {
            RequestTimeoutException e = new RequestTimeoutException("Request did not complete within "
                    + settings.timeoutMillis() + " ms; it may or may not have been applied");
            services().listener().ended(latency(), e);
            super.completeExceptionally(e);
            abandonAll();
        }
    }

    // ---- 5. the end of every attempt

    /** An attempt gave up ({@code error}, or null when its plan ran out): the request fails if it was the last one running. */
    void attemptEnded(Throwable error) {
        boolean last;
        synchronized (this) {
            last = --alive == 0;
        }
        if (!last) return;
        if (error != null) fail(error);
        else {
            Map<InetSocketAddress, Throwable> copy;
            synchronized (this) {
                copy = detour == null || detour.errors == null ? new LinkedHashMap<>() : new LinkedHashMap<>(detour.errors);
            }
            fail(new NoHostAvailableException("No node could take the request", copy));
        }
    }

    /** Racy on purpose (no lock on the answer's path): one started meanwhile is only not told to drop its late answer. */
    private boolean hasSpeculative() {
        Detour d = detour;
        return d != null && d.speculative != null;
    }

    private long latency() {
        return System.nanoTime() - startNanos();
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
            others = detour == null || detour.speculative == null ? List.of() : new ArrayList<>(detour.speculative);
        }
        drop();
        for (Attempt<?> ex : others) ex.drop();
    }
}

/**
 * One attempt chain of a request, on one node at a time: it sends, and on an error follows the
 * retry policy (send again to the same node, move on to the next, or give up) and re-prepares a
 * statement the node forgot. It is the connection's in-flight request, re-armed for each send.
 * Kept in this file because it is half of a request's life: {@link RequestExecution} is its own
 * first attempt, so a request that needs one attempt is one object; each speculative execution
 * is an attempt of its own. What the attempts share (the plan, the errors, the outcome) is the
 * request's: {@link #owner()}.
 */
abstract class Attempt<T> extends InFlightRequest<T> {
    private volatile NodeInfo node; // the plan's node of the current send
    private NodePool pool;          // its pool; written before node, and both before the send hands this to the connection
    /** When the current send left, in µs after the request started: an int keeps the request small. */
    private int sentMicros;
    /** Retries so far per kind of error ({@link #errorKind}): a byte each, in one int to keep the request small. */
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
        if (pool == null) {
            r.recordError(n.address(), new ConnectionException(n.address(), "not a node of this session (no pool)", null));
            return false;
        }
        Sharding sharding = pool.sharding();
        Connection c = sharding == null ? pool.next() : pool.next(shardOf(r, sharding));
        if (c == null) {
            r.recordError(n.address(), new ConnectionException(n.address(), n.isUp() ? "no open connection" : "node is down", null));
            return false;
        }
        // A request's first send happens as it starts: its start time saves a clock read.
        sentMicros = node == null && r == this ? 0 : (int) ((System.nanoTime() - r.startNanos()) / 1000);
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

    /** The shard of a ScyllaDB node that owns the request's token, or -1 when the request has none. */
    private static int shardOf(RequestExecution<?> r, Sharding sharding) {
        Token token = r.token(Murmur3Partitioner.INSTANCE); // ScyllaDB shards Murmur3 tokens only
        return token == null ? -1 : sharding.shardOf(token);
    }

    @Override
    public final void onResponse(Frame frame) {
        RequestExecution<?> r = owner();
        Response answer;
        try {
            answer = decode(r, frame);
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
            Connection c = connection();
            onError(ServerErrors.toException(e, node.address(), c == null ? ScyllaExtensions.NONE : c.extensions()));
        } else {
            finalError(new ProtocolException(node.address(), "unexpected " + answer.getClass().getSimpleName() + " in answer to a request"));
        }
    }

    private static <R> Response decode(RequestExecution<R> r, Frame frame) {
        return r.kind().decode(r, frame);
    }

    /** Re-prepares on the same connection, then sends again to the same node; false if there is nothing to re-prepare. */
    private boolean repreparing() {
        CompletableFuture<Void> done = reprepare(owner(), connection(), deadline());
        if (done == null) return false;
        reprepared = true;
        NodeInfo same = node;
        done.whenComplete((x, err) -> {
            if (err != null) finalError(err);
            else if (!sendTo(same)) sendToNext();
        });
        return true;
    }

    private static <R> CompletableFuture<Void> reprepare(RequestExecution<R> r, Connection c, long deadline) {
        return r.kind().reprepare(r, c, deadline);
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
        int shift = 8 * errorKind(error);
        RetryDecision d = r.decide(error, (retries >>> shift) & 0xFF);
        if (d.consistency() != null) r.lowerConsistency(d.consistency());
        if (d.kind() != RetryDecision.Kind.RETHROW && ((retries >>> shift) & 0xFF) == 0xFF) d = RetryDecision.RETHROW; // 255 is enough
        switch (d.kind()) {
            case RETRY_SAME -> {
                retries += 1 << shift;
                r.services().listener().retried();
                if (!sendTo(node)) sendToNext();
            }
            case RETRY_NEXT -> {
                retries += 1 << shift;
                r.services().listener().retried();
                r.recordError(node.address(), error);
                sendToNext();
            }
            default -> finalError(error);
        }
    }

    /** Which retry count an error counts against: read timeouts, write timeouts, unavailable, and the rest. */
    private static int errorKind(Throwable error) {
        if (error instanceof ReadTimeoutException) return 0;
        if (error instanceof WriteTimeoutException) return 1;
        if (error instanceof UnavailableException) return 2;
        return 3;
    }

    private void report(Throwable error, long now) {
        try {
            owner().settings().policies().loadBalancing().onRequestCompleted(node, now - owner().startNanos() - sentMicros * 1000L, error);
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
