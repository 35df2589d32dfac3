package io.jsylla.internal.session;

import io.jsylla.ScyllaException;
import io.jsylla.internal.cluster.ControlConnection;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Polls the nodes' schema versions (every 200 ms) until they agree or the bound passes. */
final class SchemaAgreement {
    private static final long INTERVAL_MILLIS = 200;

    private final ControlConnection control;
    private final EventExecutor scheduler;
    private final Duration timeout;

    SchemaAgreement(ControlConnection control, EventExecutor scheduler, Duration timeout) {
        this.control = control;
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    CompletableFuture<UUID> await() {
        CompletableFuture<UUID> result = new CompletableFuture<>();
        poll(result, System.nanoTime() + timeout.toNanos());
        return result;
    }

    private void poll(CompletableFuture<UUID> result, long deadline) {
        control.checkSchemaAgreement().whenComplete((agreed, e) -> {
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
