package io.jsylla.internal.connection;

import io.jsylla.AuthProvider;
import io.jsylla.AuthenticationException;
import io.jsylla.Compression;
import io.jsylla.ConnectionException;
import io.jsylla.ServerResponseException;
import io.jsylla.internal.protocol.AuthChallenge;
import io.jsylla.internal.protocol.AuthResponse;
import io.jsylla.internal.protocol.AuthSuccess;
import io.jsylla.internal.protocol.Authenticate;
import io.jsylla.internal.protocol.Compressor;
import io.jsylla.internal.protocol.ErrorResponse;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.Options;
import io.jsylla.internal.protocol.Query;
import io.jsylla.internal.protocol.QueryParameters;
import io.jsylla.internal.protocol.Ready;
import io.jsylla.internal.protocol.Register;
import io.jsylla.internal.protocol.Response;
import io.jsylla.internal.protocol.Responses;
import io.jsylla.internal.protocol.SetKeyspaceResult;
import io.jsylla.internal.protocol.ScyllaExtensions;
import io.jsylla.internal.protocol.Startup;
import io.jsylla.internal.protocol.Supported;
import io.jsylla.Consistency;
import io.jsylla.internal.protocol.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Brings a fresh connection to ready: OPTIONS, STARTUP (switching v5 to segments and v4 to
 * compressed frames once it is answered), the SASL exchange, USE of the keyspace, REGISTER for
 * events. Each step is one round trip; the first error ends the handshake.
 */
final class Handshake {
    private final Connection connection;
    private final ConnectionOptions options;
    private final ChannelSetup setup;

    /** How to switch the channel's framing once STARTUP is answered. */
    interface ChannelSetup {
        void afterStartup(Compressor compressor);
    }

    Handshake(Connection connection, ConnectionOptions options, ChannelSetup setup) {
        this.connection = connection;
        this.options = options;
        this.setup = setup;
    }

    CompletionStage<Connection> run(String keyspace, List<String> events) {
        return send(Options.INSTANCE)
                .thenCompose(r -> {
                    Supported supported = expect(r, Supported.class, "OPTIONS");
                    connection.supported(supported.options());
                    return send(new Startup(startupOptions(supported.options())));
                })
                .thenCompose(this::afterStartup)
                .thenCompose(x -> keyspace == null ? done() : use(keyspace))
                .thenCompose(x -> events.isEmpty() ? done() : register(events))
                .thenApply(x -> connection);
    }

    private Map<String, String> startupOptions(Map<String, List<String>> supported) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("CQL_VERSION", "3.0.0");
        Compression c = options.compression();
        if (c == Compression.SNAPPY && connection.protocolVersion().usesSegments()) {
            throw new ConnectionException(connection.node(), "snappy compression does not exist in protocol "
                    + connection.protocolVersion() + " (which compresses segments with lz4)", null);
        }
        if (c != Compression.NONE) {
            List<String> offered = supported.getOrDefault("COMPRESSION", List.of());
            if (!offered.contains(c.protocolName())) {
                throw new ConnectionException(connection.node(), "the node does not offer " + c.protocolName()
                        + " compression (it offers " + offered + ")", null);
            }
            m.put("COMPRESSION", c.protocolName());
        }
        m.put("DRIVER_NAME", options.driverName());
        m.put("DRIVER_VERSION", options.driverVersion());
        ScyllaExtensions extensions = ScyllaExtensions.offered(supported);
        extensions.acceptIn(m);
        connection.extensions(extensions);
        return m;
    }

    private CompletionStage<Void> afterStartup(Response r) {
        Compression c = options.compression();
        if (r instanceof Ready || r instanceof Authenticate) {
            setup.afterStartup(c == Compression.NONE ? null : Compressor.forName(c.protocolName()));
        }
        if (r instanceof Ready) return done();
        if (r instanceof Authenticate a) return authenticate(a.authenticator());
        expect(r, Ready.class, "STARTUP");
        return done();
    }

    private CompletionStage<Void> authenticate(String serverAuthenticator) {
        AuthProvider provider = options.authProvider();
        if (provider == null) {
            throw new AuthenticationException(connection.node(), "the node requires authentication ("
                    + serverAuthenticator + ") but no credentials were configured: use SessionBuilder.user(...)");
        }
        AuthProvider.Authenticator auth = provider.newAuthenticator(connection.node(), serverAuthenticator);
        return authStep(auth, auth.initialResponse());
    }

    private CompletionStage<Void> authStep(AuthProvider.Authenticator auth, byte[] token) {
        return send(new AuthResponse(token)).thenCompose(r -> {
            if (r instanceof AuthSuccess s) {
                auth.onSuccess(s.token());
                return done();
            }
            if (r instanceof AuthChallenge ch) return authStep(auth, auth.evaluateChallenge(ch.token()));
            expect(r, AuthSuccess.class, "AUTH_RESPONSE");
            return done();
        });
    }

    private CompletionStage<Void> use(String keyspace) {
        Query q = new Query("USE " + keyspace, QueryParameters.of(Consistency.ONE, Values.NONE));
        return send(q).thenApply(r -> {
            SetKeyspaceResult set = expect(r, SetKeyspaceResult.class, "USE " + keyspace);
            connection.keyspace(set.keyspace());
            return null;
        });
    }

    private CompletionStage<Void> register(List<String> events) {
        return send(new Register(events)).thenApply(r -> {
            expect(r, Ready.class, "REGISTER");
            return null;
        });
    }

    private CompletableFuture<Response> send(io.jsylla.internal.protocol.Request request) {
        return connection.send(request).thenApply(this::decode);
    }

    private Response decode(Frame frame) {
        if (frame.version() != connection.protocolVersion()) {
            throw new UnsupportedVersionException(connection.protocolVersion(), "node answered with protocol "
                    + frame.version() + " to " + connection.protocolVersion());
        }
        return Responses.decode(frame);
    }

    private <T> T expect(Response r, Class<T> type, String request) {
        if (type.isInstance(r)) return type.cast(r);
        if (r instanceof ErrorResponse e) {
            if (e.code() == ErrorResponse.PROTOCOL_ERROR && e.message().toLowerCase().contains("protocol version")) {
                throw new UnsupportedVersionException(connection.protocolVersion(), e.message());
            }
            ServerResponseException ex = ServerErrors.toException(e, connection.node());
            throw ex;
        }
        throw new ConnectionException(connection.node(), "unexpected " + r.getClass().getSimpleName()
                + " in answer to " + request, null);
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}
