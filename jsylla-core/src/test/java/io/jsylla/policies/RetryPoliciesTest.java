package io.jsylla.policies;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.BootstrappingException;
import io.jsylla.ConnectionException;
import io.jsylla.Consistency;
import io.jsylla.InvalidQueryException;
import io.jsylla.OverloadedException;
import io.jsylla.Query;
import io.jsylla.ReadTimeoutException;
import io.jsylla.RequestTimeoutException;
import io.jsylla.ServerErrorException;
import io.jsylla.TruncateException;
import io.jsylla.UnavailableException;
import io.jsylla.WriteTimeoutException;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decision tables: the expected decision is KIND or KIND@CONSISTENCY. */
class RetryPoliciesTest {
    private static final InetSocketAddress NODE = FakeCluster.address(1);
    private static final Map<String, RetryPolicy> POLICIES = Map.of(
            "default", RetryPolicies.defaultPolicy(),
            "fallthrough", RetryPolicies.fallthrough(),
            "downgrading", RetryPolicies.downgradingConsistency());

    private static RequestInfo request(boolean idempotent) {
        return RequestInfo.of(Query.of("SELECT 1"), "ks", null, idempotent);
    }

    private static RetryDecision expected(String text) {
        String[] parts = text.split("@");
        return new RetryDecision(RetryDecision.Kind.valueOf(parts[0]),
                parts.length > 1 ? Consistency.valueOf(parts[1]) : null);
    }

    @ParameterizedTest(name = "{0}: read timeout {1} {2}/{3} data={4} retries={5} -> {6}")
    @CsvSource({
        "default, QUORUM, 2, 2, false, 0, RETRY_SAME",
        "default, QUORUM, 2, 2, true, 0, RETHROW",
        "default, QUORUM, 1, 2, false, 0, RETHROW",
        "default, QUORUM, 2, 2, false, 1, RETHROW",
        "fallthrough, QUORUM, 2, 2, false, 0, RETHROW",
        "fallthrough, QUORUM, 1, 2, false, 0, RETHROW",
        "downgrading, QUORUM, 1, 2, false, 0, RETRY_SAME@ONE",
        "downgrading, ALL, 2, 3, true, 0, RETRY_SAME@TWO",
        "downgrading, ALL, 3, 5, false, 0, RETRY_SAME@THREE",
        "downgrading, ALL, 4, 5, true, 0, RETRY_SAME@THREE",
        "downgrading, LOCAL_QUORUM, 0, 2, false, 0, RETHROW",
        "downgrading, QUORUM, 2, 2, false, 0, RETRY_SAME",
        "downgrading, QUORUM, 2, 2, true, 0, RETHROW",
        "downgrading, QUORUM, 1, 2, false, 1, RETHROW",
        "downgrading, SERIAL, 1, 2, false, 0, RETHROW",
        "downgrading, LOCAL_SERIAL, 2, 2, false, 0, RETHROW",
    })
    void readTimeout(String policy, Consistency cl, int received, int blockFor, boolean dataPresent, int retries,
                     String decision) {
        ReadTimeoutException e = new ReadTimeoutException(NODE, "timeout", cl, received, blockFor, dataPresent);
        assertThat(POLICIES.get(policy).onReadTimeout(request(true), e, retries)).isEqualTo(expected(decision));
    }

    @ParameterizedTest(name = "{0}: write timeout {1} {2}/{3} {4} retries={5} -> {6}")
    @CsvSource({
        "default, QUORUM, 0, 2, BATCH_LOG, 0, RETRY_SAME",
        "default, QUORUM, 0, 2, BATCH_LOG, 1, RETHROW",
        "default, QUORUM, 1, 2, SIMPLE, 0, RETHROW",
        "default, QUORUM, 1, 2, BATCH, 0, RETHROW",
        "default, QUORUM, 1, 2, UNLOGGED_BATCH, 0, RETHROW",
        "default, QUORUM, 1, 2, COUNTER, 0, RETHROW",
        "fallthrough, QUORUM, 0, 2, BATCH_LOG, 0, RETHROW",
        "downgrading, QUORUM, 1, 2, UNLOGGED_BATCH, 0, RETRY_SAME@ONE",
        "downgrading, ALL, 2, 3, UNLOGGED_BATCH, 0, RETRY_SAME@TWO",
        "downgrading, ALL, 3, 4, UNLOGGED_BATCH, 0, RETRY_SAME@THREE",
        "downgrading, QUORUM, 0, 2, UNLOGGED_BATCH, 0, RETHROW",
        "downgrading, QUORUM, 1, 2, UNLOGGED_BATCH, 1, RETHROW",
        "downgrading, QUORUM, 0, 2, BATCH_LOG, 0, RETRY_SAME",
        "downgrading, QUORUM, 0, 2, BATCH_LOG, 1, RETHROW",
        "downgrading, QUORUM, 1, 2, SIMPLE, 0, RETHROW",
        "downgrading, QUORUM, 1, 2, BATCH, 0, RETHROW",
        "downgrading, QUORUM, 1, 2, COUNTER, 0, RETHROW",
        "downgrading, SERIAL, 1, 2, CAS, 0, RETHROW",
        "downgrading, LOCAL_SERIAL, 1, 2, UNLOGGED_BATCH, 0, RETHROW",
    })
    void writeTimeout(String policy, Consistency cl, int received, int blockFor, String writeType, int retries,
                      String decision) {
        WriteTimeoutException e = new WriteTimeoutException(NODE, "timeout", cl, received, blockFor, writeType);
        assertThat(POLICIES.get(policy).onWriteTimeout(request(true), e, retries)).isEqualTo(expected(decision));
    }

    @ParameterizedTest(name = "{0}: unavailable {1} {3}/{2} retries={4} -> {5}")
    @CsvSource({
        "default, QUORUM, 2, 1, 0, RETRY_NEXT",
        "default, QUORUM, 2, 1, 1, RETHROW",
        "default, SERIAL, 2, 1, 0, RETRY_NEXT",
        "fallthrough, QUORUM, 2, 1, 0, RETHROW",
        "downgrading, QUORUM, 2, 1, 0, RETRY_SAME@ONE",
        "downgrading, ALL, 3, 2, 0, RETRY_SAME@TWO",
        "downgrading, EACH_QUORUM, 6, 4, 0, RETRY_SAME@THREE",
        "downgrading, LOCAL_QUORUM, 2, 0, 0, RETHROW",
        "downgrading, QUORUM, 2, 1, 1, RETHROW",
        "downgrading, SERIAL, 2, 1, 0, RETRY_NEXT",
        "downgrading, LOCAL_SERIAL, 2, 1, 1, RETHROW",
    })
    void unavailable(String policy, Consistency cl, int required, int alive, int retries, String decision) {
        UnavailableException e = new UnavailableException(NODE, "unavailable", cl, required, alive);
        assertThat(POLICIES.get(policy).onUnavailable(request(true), e, retries)).isEqualTo(expected(decision));
    }

    @ParameterizedTest(name = "{0}: {1} mayHaveRun={2} idempotent={3} -> {4}")
    @CsvSource({
        "default, connection, false, false, RETRY_NEXT",
        "default, connection, true, false, RETHROW",
        "default, connection, true, true, RETRY_NEXT",
        "default, overloaded, true, true, RETRY_NEXT",
        "default, overloaded, true, false, RETHROW",
        "default, bootstrapping, false, false, RETRY_NEXT",
        "default, serverError, true, true, RETRY_NEXT",
        "default, serverError, true, false, RETHROW",
        "default, truncate, false, true, RETHROW",
        "default, invalid, false, true, RETHROW",
        "default, timeout, false, true, RETHROW",
        "fallthrough, connection, false, true, RETHROW",
        "fallthrough, overloaded, false, true, RETHROW",
        "downgrading, connection, false, false, RETRY_NEXT",
        "downgrading, overloaded, true, false, RETHROW",
        "downgrading, serverError, true, true, RETRY_NEXT",
        "downgrading, invalid, false, true, RETHROW",
    })
    void requestError(String policy, String error, boolean mayHaveRun, boolean idempotent, String decision) {
        Throwable e = switch (error) {
            case "connection" -> new ConnectionException(NODE, "closed", null);
            case "overloaded" -> new OverloadedException(NODE, "overloaded");
            case "bootstrapping" -> new BootstrappingException(NODE, "bootstrapping");
            case "serverError" -> new ServerErrorException(NODE, "oops");
            case "truncate" -> new TruncateException(NODE, "truncate failed");
            case "invalid" -> new InvalidQueryException(NODE, "no such table");
            case "timeout" -> new RequestTimeoutException("too slow");
            default -> throw new IllegalArgumentException(error);
        };
        for (int retries = 0; retries < 3; retries++) {
            assertThat(POLICIES.get(policy).onRequestError(request(idempotent), e, mayHaveRun, retries))
                    .isEqualTo(expected(decision));
        }
    }
}
