package io.jsylla.internal.session;

import io.jsylla.Consistency;
import io.jsylla.PagingState;
import io.jsylla.QueryResult;
import io.jsylla.Row;
import io.jsylla.ScyllaException;
import io.jsylla.Query;
import io.jsylla.TracingInfo;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads a trace from {@code system_traces}. Nodes write traces asynchronously, so the session
 * row may lack its duration for a moment: it is read again a few times before giving up.
 */
final class Traces {
    private static final int ATTEMPTS = 10;
    private static final long DELAY_MILLIS = 200;

    private final DefaultSession session;
    private final EventExecutor scheduler;

    Traces(DefaultSession session, EventExecutor scheduler) {
        this.session = session;
        this.scheduler = scheduler;
    }

    CompletableFuture<TracingInfo> fetch(UUID id) {
        CompletableFuture<TracingInfo> result = new CompletableFuture<>();
        attempt(id, 1, result);
        return result;
    }

    private void attempt(UUID id, int n, CompletableFuture<TracingInfo> result) {
        CompletableFuture<QueryResult> sessionRow = session.runner().withValues(
                Query.of("SELECT * FROM system_traces.sessions WHERE session_id = ?").withConsistency(Consistency.ONE),
                PagingState.start(), new Object[] {id});
        sessionRow.whenComplete((r, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
                return;
            }
            Row row = r.firstRow().orElse(null);
            if (row == null || row.isNull("duration")) {
                if (n >= ATTEMPTS) {
                    result.completeExceptionally(new ScyllaException("Trace " + id + " is not complete after "
                            + ATTEMPTS * DELAY_MILLIS + " ms"));
                } else {
                    scheduler.schedule(() -> attempt(id, n + 1, result), DELAY_MILLIS, TimeUnit.MILLISECONDS);
                }
                return;
            }
            session.runner().withValues(
                    Query.of("SELECT * FROM system_traces.events WHERE session_id = ?").withConsistency(Consistency.ONE),
                    PagingState.start(), new Object[] {id}).whenComplete((ev, e2) -> {
                        if (e2 != null) result.completeExceptionally(e2);
                        else result.complete(toInfo(id, row, ev.rows()));
                    });
        });
    }

    private static TracingInfo toInfo(UUID id, Row s, List<Row> events) {
        List<TracingInfo.Event> evs = new ArrayList<>();
        for (Row e : events) {
            evs.add(new TracingInfo.Event(e.getString("activity"), e.getInetAddress("source"),
                    Duration.ofNanos(1000L * e.getInt("source_elapsed")), e.getString("thread"),
                    e.get("event_id", UUID.class) == null ? null : instantOf(e.get("event_id", UUID.class))));
        }
        return new TracingInfo(id, s.getString("request"), s.get("coordinator", InetAddress.class),
                Duration.ofNanos(1000L * s.getInt("duration")), s.getInstant("started_at"),
                s.getMap("parameters", String.class, String.class), evs);
    }

    /** The time inside a version-1 (time-based) UUID. */
    private static java.time.Instant instantOf(UUID timeUuid) {
        long ts = (timeUuid.timestamp() - 0x01B21DD213814000L) / 10_000; // 100-ns ticks since 1582 to ms since 1970
        return java.time.Instant.ofEpochMilli(ts);
    }
}
