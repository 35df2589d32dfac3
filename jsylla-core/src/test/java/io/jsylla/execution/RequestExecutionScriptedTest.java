package io.jsylla.execution;

import static io.jsylla.testing.Reaction.bootstrapping;
import static io.jsylla.testing.Reaction.closeConnection;
import static io.jsylla.testing.Reaction.delayed;
import static io.jsylla.testing.Reaction.invalid;
import static io.jsylla.testing.Reaction.noAnswer;
import static io.jsylla.testing.Reaction.overloaded;
import static io.jsylla.testing.Reaction.readTimeout;
import static io.jsylla.testing.Reaction.serverError;
import static io.jsylla.testing.Reaction.syntaxError;
import static io.jsylla.testing.Reaction.unavailable;
import static io.jsylla.testing.Reaction.writeTimeout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jsylla.Batch;
import io.jsylla.BootstrappingException;
import io.jsylla.ConnectionException;
import io.jsylla.Consistency;
import io.jsylla.InvalidQueryException;
import io.jsylla.NoHostAvailableException;
import io.jsylla.OverloadedException;
import io.jsylla.PreparedStatement;
import io.jsylla.Query;
import io.jsylla.QueryResult;
import io.jsylla.ReadTimeoutException;
import io.jsylla.RequestTimeoutException;
import io.jsylla.ServerErrorException;
import io.jsylla.ServerResponseException;
import io.jsylla.ScyllaException;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import io.jsylla.SyntaxException;
import io.jsylla.UnavailableException;
import io.jsylla.WriteTimeoutException;
import io.jsylla.policies.RequestInfo;
import io.jsylla.policies.RetryDecision;
import io.jsylla.policies.RetryPolicies;
import io.jsylla.policies.RetryPolicy;
import io.jsylla.policies.SpeculativeExecutions;
import io.jsylla.testing.Reaction;
import io.jsylla.testing.Received;
import io.jsylla.testing.ScriptedCluster;
import io.jsylla.testing.ScriptedNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The request execution core's decisions (query plan, retries, idempotence, speculative
 * executions, deadlines, re-preparing, plan exhaustion), seen from the wire: a session on three
 * {@link ScriptedNode scripted nodes} whose plans are always node1, node2, node3, and the
 * requests each node received, asserted one by one. Written against the public API only.
 *
 * <p>Every node answers a row naming itself unless its script says otherwise, so a result tells
 * which node produced it.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RequestExecutionScriptedTest {
    private static final String READ = "SELECT v FROM ks.t WHERE k = 1";
    private static final String WRITE = "INSERT INTO ks.t (k, v) VALUES (1, 1)";

    private ScriptedCluster cluster;
    private Session session;

    @BeforeEach
    void startCluster() {
        cluster = ScriptedCluster.start(3);
        for (ScriptedNode n : cluster.nodes()) n.otherwise(Reaction.rows("answered_by", n.name()));
    }

    /** Nodes first: a session closing waits for the answers still owed to it, which a silent node never gives. */
    @AfterEach
    void stop() {
        try {
            cluster.close();
        } finally {
            if (session != null) session.close();
        }
    }

    private Session connect() {
        return connect(b -> b);
    }

    private Session connect(UnaryOperator<SessionBuilder> options) {
        session = options.apply(cluster.sessionBuilder()).build();
        cluster.clearRequests();
        return session;
    }

    private ScriptedNode node(int i) {
        return cluster.node(i);
    }

    private static String answeredBy(QueryResult r) {
        return r.firstRow().orElseThrow().getString("answered_by");
    }

    private static Query read() {
        return Query.of(READ).withConsistency(Consistency.QUORUM);
    }

    private static Query write() {
        return Query.of(WRITE).withConsistency(Consistency.QUORUM);
    }

    // ---- the default retry policy

    @Nested
    class DefaultRetryPolicy {

        @Test
        void aReadTimeoutWithEnoughRepliesButNoDataIsRetriedOnceOnTheSameNode() {
            connect();
            node(1).enqueue(readTimeout(Consistency.QUORUM, 2, 2, false));

            QueryResult r = session.query(read());

            assertThat(answeredBy(r)).isEqualTo("node1");
            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM", "node1 QUERY QUORUM");
            assertThat(session.getMetrics().retries()).isEqualTo(1);
        }

        @Test
        void aSecondReadTimeoutIsNotRetriedAgain() {
            connect();
            node(1).enqueue(readTimeout(Consistency.QUORUM, 2, 2, false), readTimeout(Consistency.QUORUM, 2, 2, false));

            Throwable e = catchThrowable(() -> session.query(read()));

            assertThat(e).isInstanceOf(ReadTimeoutException.class);
            assertThat(((ReadTimeoutException) e).node()).isEqualTo(node(1).address());
            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM", "node1 QUERY QUORUM");
        }

        @Test
        void aReadTimeoutWithTheDataPresentOrTooFewRepliesIsNotRetried() {
            connect();
            node(1).enqueue(readTimeout(Consistency.QUORUM, 2, 2, true), readTimeout(Consistency.QUORUM, 1, 2, false));

            assertThatThrownBy(() -> session.query(read())).isInstanceOf(ReadTimeoutException.class);
            assertThatThrownBy(() -> session.query(read())).isInstanceOf(ReadTimeoutException.class);
            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM", "node1 QUERY QUORUM");
        }

        @Test
        void unavailableIsRetriedOnceOnTheNextNode() {
            connect();
            node(1).enqueue(unavailable(Consistency.QUORUM, 2, 1));

            assertThat(answeredBy(session.query(read()))).isEqualTo("node2");
            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM", "node2 QUERY QUORUM");
        }

        @Test
        void aSecondUnavailableIsSurfacedWithoutTryingTheThirdNode() {
            connect();
            node(1).enqueue(unavailable(Consistency.QUORUM, 2, 1));
            node(2).enqueue(unavailable(Consistency.QUORUM, 2, 1));

            Throwable e = catchThrowable(() -> session.query(read()));

            assertThat(e).isInstanceOf(UnavailableException.class);
            assertThat(((UnavailableException) e).node()).isEqualTo(node(2).address());
            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM", "node2 QUERY QUORUM");
        }

        /** "At most once per error kind": a read timeout retried does not use up the unavailable retry. */
        @Test
        void eachErrorKindHasItsOwnRetry() {
            connect();
            node(1).enqueue(readTimeout(Consistency.QUORUM, 2, 2, false), unavailable(Consistency.QUORUM, 2, 1));

            QueryResult r = session.query(read());

            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM", "node1 QUERY QUORUM", "node2 QUERY QUORUM");
            assertThat(answeredBy(r)).isEqualTo("node2");
        }

        @Test
        void aBatchLogWriteTimeoutOfAnIdempotentBatchIsRetriedOnceOnTheSameNode() {
            connect();
            node(1).enqueue(writeTimeout(Consistency.QUORUM, 1, 2, "BATCH_LOG"));
            Batch batch = Batch.logged().appendStatement(WRITE).withConsistency(Consistency.QUORUM).withIdempotent(true);

            assertThat(answeredBy(session.batch(batch, List.of()))).isEqualTo("node1");
            assertThat(cluster.summaries()).containsExactly("node1 BATCH QUORUM", "node1 BATCH QUORUM");
        }

        @Test
        void anyOtherWriteTimeoutIsSurfacedEvenForAnIdempotentStatement() {
            connect();
            node(1).enqueue(writeTimeout(Consistency.QUORUM, 1, 2, "SIMPLE"));

            Throwable e = catchThrowable(() -> session.query(write().withIdempotent(true)));

            assertThat(e).isInstanceOf(WriteTimeoutException.class);
            assertThat(((WriteTimeoutException) e).writeType()).isEqualTo("SIMPLE");
            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM");
        }

        @Test
        void aBatchLogWriteTimeoutOfANonIdempotentBatchIsNotRetried() {
            connect();
            node(1).enqueue(writeTimeout(Consistency.QUORUM, 1, 2, "BATCH_LOG"));
            Batch batch = Batch.logged().appendStatement(WRITE).withConsistency(Consistency.QUORUM);

            assertThatThrownBy(() -> session.batch(batch, List.of())).isInstanceOf(WriteTimeoutException.class);
            assertThat(cluster.summaries()).containsExactly("node1 BATCH QUORUM");
        }

        /** Overloaded and bootstrapping coordinators ran nothing: the next node, even for a non-idempotent write. */
        @Test
        void overloadedAndBootstrappingNodesAreSkippedEvenForANonIdempotentWrite() {
            connect();
            node(1).enqueue(overloaded());
            assertThat(answeredBy(session.query(write()))).isEqualTo("node2");
            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM", "node2 QUERY QUORUM");

            cluster.clearRequests();
            node(1).enqueue(bootstrapping());
            assertThat(answeredBy(session.query(write()))).isEqualTo("node2");
            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM", "node2 QUERY QUORUM");
        }

        @Test
        void aServerErrorMovesAnIdempotentStatementToTheNextNode() {
            connect();
            node(1).enqueue(serverError());

            assertThat(answeredBy(session.query(read().withIdempotent(true)))).isEqualTo("node2");
            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM", "node2 QUERY QUORUM");
        }

        @Test
        void syntaxAndInvalidQueryErrorsAreNeverRetried() {
            connect();
            node(1).enqueue(syntaxError(), invalid());

            Throwable syntax = catchThrowable(() -> session.query(read().withIdempotent(true)));
            Throwable invalid = catchThrowable(() -> session.query(read().withIdempotent(true)));

            assertThat(syntax).isInstanceOf(SyntaxException.class);
            assertThat(((ServerResponseException) syntax).node()).isEqualTo(node(1).address());
            assertThat(invalid).isInstanceOf(InvalidQueryException.class);
            assertThat(((ServerResponseException) invalid).node()).isEqualTo(node(1).address());
            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM", "node1 QUERY QUORUM");
        }
    }

    // ---- the idempotence rule

    /** Retries everything on the next node, and remembers what it was asked. */
    static final class AlwaysRetry implements RetryPolicy {
        final List<String> asked = new CopyOnWriteArrayList<>();

        @Override
        public RetryDecision onReadTimeout(RequestInfo request, ReadTimeoutException error, int retries) {
            asked.add("onReadTimeout");
            return RetryDecision.RETRY_NEXT;
        }

        @Override
        public RetryDecision onWriteTimeout(RequestInfo request, WriteTimeoutException error, int retries) {
            asked.add("onWriteTimeout");
            return RetryDecision.RETRY_NEXT;
        }

        @Override
        public RetryDecision onUnavailable(RequestInfo request, UnavailableException error, int retries) {
            asked.add("onUnavailable");
            return RetryDecision.RETRY_NEXT;
        }

        @Override
        public RetryDecision onRequestError(RequestInfo request, Throwable error, boolean mayHaveRun, int retries) {
            asked.add("onRequestError(" + error.getClass().getSimpleName() + ", mayHaveRun=" + mayHaveRun + ")");
            return RetryDecision.RETRY_NEXT;
        }
    }

    @Nested
    class IdempotenceRule {
        private final AlwaysRetry policy = new AlwaysRetry();

        @BeforeEach
        void connectAlwaysRetrying() {
            connect(b -> b.retryPolicy(policy));
        }

        @Test
        void aNonIdempotentWriteThatTimedOutIsNeverSentAgain() {
            node(1).enqueue(writeTimeout(Consistency.QUORUM, 1, 2, "SIMPLE"));

            assertThatThrownBy(() -> session.query(write())).isInstanceOf(WriteTimeoutException.class);
            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM");
            assertThat(policy.asked).as("onWriteTimeout is not even asked for a non-idempotent statement").isEmpty();
        }

        @Test
        void aNonIdempotentStatementThatHitAServerErrorIsNeverSentAgain() {
            node(1).enqueue(serverError());

            assertThatThrownBy(() -> session.query(write())).isInstanceOf(ServerErrorException.class);
            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM");
        }

        @Test
        void aNonIdempotentStatementWhoseConnectionClosedIsNeverSentAgain() {
            node(1).enqueue(closeConnection());

            assertThatThrownBy(() -> session.query(write())).isInstanceOf(ConnectionException.class);
            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM");
        }

        @Test
        void aNonIdempotentPreparedStatementWhoseConnectionClosedIsNeverExecutedAgain() {
            PreparedStatement ps = session.prepare("INSERT INTO ks.t (k, v) VALUES (?, ?)");
            cluster.clearRequests();
            node(1).enqueue(closeConnection());

            assertThatThrownBy(() -> session.execute(ps.bind(1, 2).withConsistency(Consistency.QUORUM)))
                    .isInstanceOf(ConnectionException.class);
            assertThat(cluster.summaries()).containsExactly("node1 EXECUTE QUORUM");
        }

        @Test
        void anIdempotentStatementIsRetriedOnTheNextNodeAfterEachOfThem() {
            node(1).enqueue(writeTimeout(Consistency.QUORUM, 1, 2, "SIMPLE"), serverError(), closeConnection());

            assertThat(answeredBy(session.query(write().withIdempotent(true)))).isEqualTo("node2");
            assertThat(answeredBy(session.query(write().withIdempotent(true)))).isEqualTo("node2");
            assertThat(answeredBy(session.query(write().withIdempotent(true)))).isEqualTo("node2");

            assertThat(cluster.summaries()).containsExactly(
                    "node1 QUERY QUORUM", "node2 QUERY QUORUM",
                    "node1 QUERY QUORUM", "node2 QUERY QUORUM",
                    "node1 QUERY QUORUM", "node2 QUERY QUORUM");
            assertThat(policy.asked).containsExactly("onWriteTimeout",
                    "onRequestError(ServerErrorException, mayHaveRun=true)",
                    "onRequestError(ConnectionException, mayHaveRun=true)");
        }
    }

    // ---- speculative executions

    @Nested
    class SpeculativeExecution {

        @BeforeEach
        void connectSpeculating() {
            connect(b -> b.speculativeExecutionPolicy(SpeculativeExecutions.constant(Duration.ofMillis(50), 2)));
        }

        @Test
        void aSlowFirstNodeIsOvertakenByTheNextForAnIdempotentStatement() {
            node(1).enqueue(delayed(Duration.ofMillis(1500), Reaction.rows("answered_by", "node1")));

            long start = System.nanoTime();
            QueryResult r = session.query(read().withIdempotent(true));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(answeredBy(r)).isEqualTo("node2");
            assertThat(tookMillis).isLessThan(1000);
            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM", "node2 QUERY QUORUM");
            List<Received> sent = cluster.requests();
            assertThat(TimeUnit.NANOSECONDS.toMillis(sent.get(1).nanos() - sent.get(0).nanos()))
                    .as("the speculative execution waits for its delay").isGreaterThanOrEqualTo(45);
            assertThat(session.getMetrics().speculativeExecutions()).isEqualTo(1);
        }

        @Test
        void noMoreThanMaxExecutionsAreStarted() {
            node(1).enqueue(delayed(Duration.ofMillis(400), Reaction.rows("answered_by", "node1")));
            node(2).enqueue(delayed(Duration.ofMillis(1000), Reaction.rows("answered_by", "node2")));

            QueryResult r = session.query(read().withIdempotent(true));

            assertThat(answeredBy(r)).isEqualTo("node1");
            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM", "node2 QUERY QUORUM");
            assertThat(session.getMetrics().speculativeExecutions()).isEqualTo(1);
        }

        @Test
        void aNonIdempotentStatementIsNeverRunSpeculatively() {
            node(1).enqueue(delayed(Duration.ofMillis(300), Reaction.rows("answered_by", "node1")));

            QueryResult r = session.query(write());

            assertThat(answeredBy(r)).isEqualTo("node1");
            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM");
            assertThat(session.getMetrics().speculativeExecutions()).isZero();
        }
    }

    // ---- deadlines

    @Nested
    class Deadlines {

        @Test
        void aSilentNodeFailsTheAsyncFormWithinTheStatementTimeout() throws Exception {
            connect();
            node(1).otherwise(noAnswer());

            long start = System.nanoTime();
            CompletableFuture<QueryResult> f = session.queryAsync(read().withTimeout(Duration.ofMillis(300)))
                    .toCompletableFuture();
            Throwable e = catchThrowable(() -> f.get(5, TimeUnit.SECONDS));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(e).isInstanceOf(ExecutionException.class).cause().isInstanceOf(RequestTimeoutException.class);
            assertThat(tookMillis).isBetween(250L, 600L);
            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM");
            assertThat(session.getMetrics().timeouts()).isEqualTo(1);
        }

        @Test
        void aSilentNodeFailsTheBlockingFormWithinTheSessionTimeoutAndTheSessionCarriesOn() {
            connect(b -> b.requestTimeout(Duration.ofMillis(300)));
            node(1).otherwise(noAnswer());

            long start = System.nanoTime();
            Throwable e = catchThrowable(() -> session.execute(READ));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(e).isInstanceOf(RequestTimeoutException.class);
            assertThat(tookMillis).isBetween(250L, 600L);
            assertThat(cluster.requests()).extracting(Received::node).containsExactly(1);

            // The unanswered stream does not wedge the connection.
            node(1).otherwise(Reaction.rows("answered_by", "node1"));
            assertThat(answeredBy(session.execute(READ))).isEqualTo("node1");
            assertThat(cluster.requests()).extracting(Received::connection).containsOnly(cluster.requests().get(0).connection());
        }

        @Test
        void theDeadlineCoversRetriesAndSpeculativeExecutionsAlike() {
            connect(b -> b.speculativeExecutionPolicy(SpeculativeExecutions.constant(Duration.ofMillis(50), 3)));
            for (ScriptedNode n : cluster.nodes()) n.otherwise(noAnswer());

            long start = System.nanoTime();
            Throwable e = catchThrowable(() -> session.query(read().withIdempotent(true).withTimeout(Duration.ofMillis(400))));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(e).isInstanceOf(RequestTimeoutException.class);
            assertThat(tookMillis).isBetween(350L, 800L);
            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM", "node2 QUERY QUORUM", "node3 QUERY QUORUM");
        }
    }

    // ---- re-preparing

    @Nested
    class Reprepare {

        @Test
        void aNodeThatForgotTheStatementIsToldItAgainAndTheExecuteSucceeds() {
            connect();
            PreparedStatement ps = session.prepare("INSERT INTO ks.t (k, v) VALUES (?, ?)");
            assertThat(cluster.summaries()).as("prepared on every node")
                    .containsExactlyInAnyOrder("node1 PREPARE", "node2 PREPARE", "node3 PREPARE");
            cluster.clearRequests();
            node(1).forgetPrepared();

            QueryResult r = session.execute(ps.bind(1, 2).withConsistency(Consistency.QUORUM));

            assertThat(answeredBy(r)).isEqualTo("node1");
            List<Received> sent = cluster.requests();
            assertThat(cluster.summaries()).containsExactly("node1 EXECUTE QUORUM", "node1 PREPARE", "node1 EXECUTE QUORUM");
            assertThat(sent.get(1).cql()).isEqualTo("INSERT INTO ks.t (k, v) VALUES (?, ?)");
            assertThat(sent).extracting(Received::connection).containsOnly(sent.get(0).connection());
            assertThat(session.getMetrics().errors()).isZero();
        }

        @Test
        void aBatchOfAForgottenStatementIsRepreparedToo() {
            connect();
            PreparedStatement ps = session.prepare("INSERT INTO ks.t (k, v) VALUES (?, ?)");
            cluster.clearRequests();
            node(1).forgetPrepared();
            Batch batch = Batch.logged().appendStatement(ps.bind(1, 2)).withConsistency(Consistency.QUORUM);

            assertThat(answeredBy(session.batch(batch, List.of()))).isEqualTo("node1");
            assertThat(cluster.summaries()).containsExactly("node1 BATCH QUORUM", "node1 PREPARE", "node1 BATCH QUORUM");
        }

        @Test
        void aStatementThatStaysUnpreparedIsNotRepreparedForEver() {
            connect();
            PreparedStatement ps = session.prepare("INSERT INTO ks.t (k, v) VALUES (?, ?)");
            cluster.clearRequests();
            node(1).amnesiac(true); // forgets every statement as soon as it is told it

            Throwable e = catchThrowable(() -> session.execute(ps.bind(1, 2).withConsistency(Consistency.QUORUM)));

            assertThat(e).isInstanceOf(ScyllaException.class);
            assertThat(cluster.summaries()).containsExactly("node1 EXECUTE QUORUM", "node1 PREPARE", "node1 EXECUTE QUORUM");
        }
    }

    // ---- plan exhaustion

    @Nested
    class PlanExhaustion {

        @Test
        void everyNodeFailingGivesNoHostAvailableNamingEachNodeAndItsCause() {
            connect();
            node(1).enqueue(overloaded());
            node(2).enqueue(bootstrapping());
            node(3).enqueue(overloaded());

            Throwable e = catchThrowable(() -> session.query(write()));

            assertThat(e).isInstanceOf(NoHostAvailableException.class);
            var errors = ((NoHostAvailableException) e).errors();
            assertThat(errors.keySet()).containsExactly(node(1).address(), node(2).address(), node(3).address());
            assertThat(errors.get(node(1).address())).isInstanceOf(OverloadedException.class);
            assertThat(errors.get(node(2).address())).isInstanceOf(BootstrappingException.class);
            assertThat(errors.get(node(3).address())).isInstanceOf(OverloadedException.class);
            for (var entry : errors.entrySet()) {
                assertThat(((ServerResponseException) entry.getValue()).node()).isEqualTo(entry.getKey());
            }
            assertThat(e.getMessage()).contains(node(1).contactPoint(), node(2).contactPoint(), node(3).contactPoint());
            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM", "node2 QUERY QUORUM", "node3 QUERY QUORUM");
        }

        @Test
        void connectionsClosingOnEveryNodeGiveNoHostAvailableForAnIdempotentStatement() {
            connect();
            for (ScriptedNode n : cluster.nodes()) n.enqueue(closeConnection());

            Throwable e = catchThrowable(() -> session.query(read().withIdempotent(true)));

            assertThat(e).isInstanceOf(NoHostAvailableException.class);
            var errors = ((NoHostAvailableException) e).errors();
            assertThat(errors.keySet()).containsExactly(node(1).address(), node(2).address(), node(3).address());
            assertThat(errors.values()).allMatch(t -> t instanceof ConnectionException, "each a ConnectionException");
            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM", "node2 QUERY QUORUM", "node3 QUERY QUORUM");
        }
    }

    // ---- downgrading consistency

    @Nested
    class DowngradingConsistency {

        @BeforeEach
        void connectDowngrading() {
            connect(b -> b.retryPolicy(RetryPolicies.downgradingConsistency()));
        }

        @Test
        void unavailableIsRetriedOnTheSameNodeAtWhatTheAliveReplicasCanSatisfy() {
            node(1).enqueue(unavailable(Consistency.QUORUM, 3, 2));

            assertThat(answeredBy(session.query(read()))).isEqualTo("node1");
            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM", "node1 QUERY TWO");
        }

        @Test
        void aReadTimeoutWithTooFewRepliesIsRetriedAtALowerConsistency() {
            node(1).enqueue(readTimeout(Consistency.QUORUM, 1, 2, false));

            assertThat(answeredBy(session.query(read()))).isEqualTo("node1");
            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM", "node1 QUERY ONE");
        }

        @Test
        void anUnloggedBatchWriteTimeoutOfAnIdempotentBatchIsRetriedAtALowerConsistency() {
            node(1).enqueue(writeTimeout(Consistency.QUORUM, 1, 2, "UNLOGGED_BATCH"));
            Batch batch = Batch.unlogged().appendStatement(WRITE).withConsistency(Consistency.QUORUM).withIdempotent(true);

            assertThat(answeredBy(session.batch(batch, List.of()))).isEqualTo("node1");
            assertThat(cluster.summaries()).containsExactly("node1 BATCH QUORUM", "node1 BATCH ONE");
        }

        @Test
        void theLoweredConsistencyIsForThatRequestOnly() {
            node(1).enqueue(unavailable(Consistency.QUORUM, 2, 1));

            session.query(read());
            session.query(read());

            assertThat(cluster.summaries()).containsExactly("node1 QUERY QUORUM", "node1 QUERY ONE", "node1 QUERY QUORUM");
        }

        @Test
        void aPreparedStatementIsExecutedAgainAtTheLowerConsistency() {
            PreparedStatement ps = session.prepare("SELECT v FROM ks.t WHERE k = ?");
            cluster.clearRequests();
            node(1).enqueue(unavailable(Consistency.LOCAL_QUORUM, 2, 1));

            assertThat(answeredBy(session.execute(ps.bind(1).withConsistency(Consistency.LOCAL_QUORUM)))).isEqualTo("node1");
            assertThat(cluster.summaries()).containsExactly("node1 EXECUTE LOCAL_QUORUM", "node1 EXECUTE ONE");
        }
    }

}
