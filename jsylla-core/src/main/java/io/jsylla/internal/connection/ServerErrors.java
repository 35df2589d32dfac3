package io.jsylla.internal.connection;

import io.jsylla.AlreadyExistsException;
import io.jsylla.AuthenticationException;
import io.jsylla.BootstrappingException;
import io.jsylla.CasWriteUnknownException;
import io.jsylla.CdcWriteFailureException;
import io.jsylla.ConfigurationException;
import io.jsylla.FunctionFailureException;
import io.jsylla.InvalidQueryException;
import io.jsylla.OverloadedException;
import io.jsylla.ProtocolException;
import io.jsylla.ReadFailureException;
import io.jsylla.ReadTimeoutException;
import io.jsylla.ServerErrorException;
import io.jsylla.ServerResponseException;
import io.jsylla.SyntaxException;
import io.jsylla.TruncateException;
import io.jsylla.UnauthorizedException;
import io.jsylla.UnavailableException;
import io.jsylla.UnpreparedException;
import io.jsylla.WriteFailureException;
import io.jsylla.WriteTimeoutException;
import io.jsylla.internal.protocol.ErrorResponse;
import io.jsylla.RateLimitException;
import io.jsylla.internal.protocol.ScyllaExtensions;
import java.net.InetSocketAddress;

/** Turns an ERROR a node answered with into the public exception for its code, naming the node. */
public final class ServerErrors {
    private ServerErrors() {}

    public static ServerResponseException toException(ErrorResponse e, InetSocketAddress node) {
        return toException(e, node, ScyllaExtensions.NONE);
    }

    /** As {@link #toException(ErrorResponse, InetSocketAddress)}, reading the errors of the extensions a connection negotiated. */
    public static ServerResponseException toException(ErrorResponse e, InetSocketAddress node, ScyllaExtensions extensions) {
        String m = e.message();
        if (extensions.rateLimitErrorCode() != 0 && e.code() == extensions.rateLimitErrorCode()) return rateLimit(e, node);
        return switch (e.code()) {
            case ErrorResponse.SERVER_ERROR -> new ServerErrorException(node, m);
            case ErrorResponse.PROTOCOL_ERROR -> new ProtocolException(node, m);
            case ErrorResponse.BAD_CREDENTIALS -> new AuthenticationException(node, m);
            case ErrorResponse.UNAVAILABLE -> new UnavailableException(node, m, e.consistency(), e.required(), e.alive());
            case ErrorResponse.OVERLOADED -> new OverloadedException(node, m);
            case ErrorResponse.IS_BOOTSTRAPPING -> new BootstrappingException(node, m);
            case ErrorResponse.TRUNCATE_ERROR -> new TruncateException(node, m);
            case ErrorResponse.WRITE_TIMEOUT ->
                    new WriteTimeoutException(node, m, e.consistency(), e.received(), e.blockFor(), e.writeType());
            case ErrorResponse.READ_TIMEOUT ->
                    new ReadTimeoutException(node, m, e.consistency(), e.received(), e.blockFor(), e.dataPresent());
            case ErrorResponse.READ_FAILURE -> new ReadFailureException(node, m, e.consistency(), e.received(),
                    e.blockFor(), e.numFailures(), e.reasonMap(), e.dataPresent());
            case ErrorResponse.WRITE_FAILURE -> new WriteFailureException(node, m, e.consistency(), e.received(),
                    e.blockFor(), e.numFailures(), e.reasonMap(), e.writeType());
            case ErrorResponse.FUNCTION_FAILURE ->
                    new FunctionFailureException(node, m, e.functionKeyspace(), e.functionName(), e.argumentTypes());
            case ErrorResponse.CDC_WRITE_FAILURE -> new CdcWriteFailureException(node, m);
            case ErrorResponse.CAS_WRITE_UNKNOWN ->
                    new CasWriteUnknownException(node, m, e.consistency(), e.received(), e.blockFor());
            case ErrorResponse.SYNTAX_ERROR -> new SyntaxException(node, m);
            case ErrorResponse.UNAUTHORIZED -> new UnauthorizedException(node, m);
            case ErrorResponse.INVALID -> new InvalidQueryException(node, m);
            case ErrorResponse.CONFIG_ERROR -> new ConfigurationException(node, m);
            case ErrorResponse.ALREADY_EXISTS -> new AlreadyExistsException(node, m, e.keyspace(), e.table());
            case ErrorResponse.UNPREPARED -> new UnpreparedException(node, m);
            default -> new ServerErrorException(node, "error 0x" + Integer.toHexString(e.code()) + ": " + m);
        };
    }

    /** ScyllaDB's rate limit error: after the message, [byte] op type (0 read, 1 write) and [byte] rejected by the coordinator. */
    private static ServerResponseException rateLimit(ErrorResponse e, InetSocketAddress node) {
        byte[] rest = e.rest();
        if (rest == null || rest.length < 2) {
            return new ProtocolException(node, "a rate limit error without its operation type: " + e.message());
        }
        return new RateLimitException(e.code(), node, e.message(), rest[0] == 0, rest[1] != 0);
    }
}
