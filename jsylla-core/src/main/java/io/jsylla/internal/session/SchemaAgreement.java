package io.jsylla.internal.session;

import io.jsylla.Consistency;
import io.jsylla.QueryResult;
import io.jsylla.ScyllaException;
import io.jsylla.internal.cluster.Metadata;
import io.jsylla.internal.cluster.Node;
import io.jsylla.internal.connection.Connection;
import io.jsylla.internal.connection.ServerErrors;
import io.jsylla.internal.pool.NodePool;
import io.jsylla.internal.pool.PoolRegistry;
import io.jsylla.internal.protocol.ErrorResponse;
import io.jsylla.internal.protocol.Query;
import io.jsylla.internal.protocol.QueryParameters;
import io.jsylla.internal.protocol.Response;
import io.jsylla.internal.protocol.Responses;
import io.jsylla.internal.protocol.Result;
import io.jsylla.internal.protocol.Values;
import io.jsylla.internal.result.Results;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Whether the nodes agree on the schema, asked of each up node itself ({@code system.local} on
 * one of its connections) rather than of one node's gossip view: right after a schema change,
 * a node's view of the others may still show the old version everywhere, which would look like
 * agreement. Waiting polls every 200 ms until they agree or the bound passes.
 */
final class SchemaAgreement {
    private static final long INTERVAL_MILLIS = 200;
    private static final String LOCAL_VERSION = "SELECT schema_version FROM system.local WHERE key = 'local'";

    private final Metadata metadata;
    private final PoolRegistry pools;
    private final EventExecutor scheduler;
    private final Duration timeout;

    SchemaAgreement(Metadata metadata, PoolRegistry pools, EventExecutor scheduler, Duration timeout) {
        this.metadata = metadata;
        this.pools = pools;
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    CompletableFuture<UUID> await() {
        CompletableFuture<UUID> result = new CompletableFuture<>();
        poll(result, System.nanoTime() + timeout.toNanos());
        return result;
    }

    /** The version every up node reports, or empty when they differ (or none answered). */
    CompletableFuture<Optional<UUID>> check() {
        List<CompletableFuture<UUID>> versions = new ArrayList<>();
        for (Node n : metadata.nodes()) {
            NodePool pool = pools.get(n.address());
            Connection c = pool == null || !n.isUp() ? null : pool.next();
            if (c != null) versions.add(version(c));
        }
        if (versions.isEmpty()) return CompletableFuture.completedFuture(Optional.empty());
        return CompletableFuture.allOf(versions.toArray(CompletableFuture[]::new)).handle((x, e) -> {
            Set<UUID> seen = new HashSet<>();
            for (CompletableFuture<UUID> v : versions) {
                if (v.isCompletedExceptionally()) return Optional.<UUID>empty(); // a node we could not ask
                seen.add(v.join());
            }
            return seen.size() == 1 ? Optional.of(seen.iterator().next()) : Optional.<UUID>empty();
        });
    }

    private static CompletableFuture<UUID> version(Connection c) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        return c.send(new Query(LOCAL_VERSION, QueryParameters.of(Consistency.ONE, Values.NONE)), deadline).thenApply(frame -> {
            Response r = Responses.decode(frame);
            if (r instanceof ErrorResponse e) throw ServerErrors.toException(e, c.node());
            QueryResult result = Results.of((Result) r, frame, c.node(), null);
            return result.firstRow().orElseThrow(() -> new ScyllaException("no system.local row on " + c.node()))
                    .getUuid("schema_version");
        });
    }

    private void poll(CompletableFuture<UUID> result, long deadline) {
        check().whenComplete((agreed, e) -> {
            if (e == null && agreed.isPresent()) {
                result.complete(agreed.get());
            } else if (System.nanoTime() >= deadline) {
                result.completeExceptionally(new ScyllaException("Nodes did not agree on the schema within "
                        + timeout.toMillis() + " ms" + (e == null ? "" : ": " + e.getMessage())));
            } else {
                scheduler.schedule(() -> poll(result, deadline), INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
            }
        });
    }
}
