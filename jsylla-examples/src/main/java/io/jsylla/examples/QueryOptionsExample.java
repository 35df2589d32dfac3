package io.jsylla.examples;

import io.jsylla.Consistency;
import io.jsylla.Query;
import io.jsylla.QueryResult;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import java.io.PrintStream;
import java.time.Duration;

/** A Query carries its own options: consistency, page size, timeout, idempotence, tracing. */
public final class QueryOptionsExample implements Example {
    @Override
    public String title() {
        return "Query options: QUORUM and a page size";
    }

    @Override
    public void run(String contactPoint, PrintStream out) {
        try (Session session = SessionBuilder.create().knownNode(contactPoint).useKeyspace(Examples.KEYSPACE, false).build()) {
            for (int id = 10; id < 20; id++) session.execute("INSERT INTO users (id, name) VALUES (?, ?)", id, "user" + id);
            Query q = Query.of("SELECT * FROM users")
                    .withConsistency(Consistency.QUORUM)
                    .withPageSize(4)
                    .withTimeout(Duration.ofSeconds(2))
                    .withIdempotent(true)
                    .withTracing(true);
            QueryResult page = session.query(q);
            out.println("  first page: " + page.rowCount() + " rows, more pages: " + !page.pagingState().isEnd());
            out.println("  traced: " + session.getTracingInfo(page.tracingId().orElseThrow()).events().size()
                    + " trace events on the coordinator " + page.coordinator());
        }
    }
}
