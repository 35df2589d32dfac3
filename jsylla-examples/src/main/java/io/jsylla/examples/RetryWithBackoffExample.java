package io.jsylla.examples;

import io.jsylla.OverloadedException;
import io.jsylla.Query;
import io.jsylla.QueryResult;
import io.jsylla.RequestTimeoutException;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import io.jsylla.UnavailableException;
import java.io.PrintStream;
import java.time.Duration;

/** Retrying idempotent work on transient errors, waiting longer each time. */
public final class RetryWithBackoffExample implements Example {
    @Override
    public String title() {
        return "Retry with backoff";
    }

    @Override
    public void run(String contactPoint, PrintStream out) throws InterruptedException {
        try (Session session = SessionBuilder.create().knownNode(contactPoint).useKeyspace(Examples.KEYSPACE, false).build()) {
            Query q = Query.of("SELECT * FROM users WHERE id = ?").withIdempotent(true).withTimeout(Duration.ofSeconds(2));
            QueryResult result = withBackoff(() -> session.query(q, 1), 5, Duration.ofMillis(50), out);
            out.println("  succeeded with " + result.rowCount() + " row(s)");
        }
    }

    interface Attempt<T> {
        T run();
    }

    /** Retries only what is worth retrying: the request may have timed out or met a busy node. */
    static <T> T withBackoff(Attempt<T> attempt, int maxAttempts, Duration firstDelay, PrintStream out) throws InterruptedException {
        Duration delay = firstDelay;
        for (int i = 1; ; i++) {
            try {
                return attempt.run();
            } catch (RequestTimeoutException | UnavailableException | OverloadedException e) {
                if (i == maxAttempts) throw e;
                out.println("  attempt " + i + " failed (" + e.getClass().getSimpleName() + "); retrying in " + delay.toMillis() + " ms");
                Thread.sleep(delay.toMillis());
                delay = delay.multipliedBy(2);
            }
        }
    }
}
