package io.jsylla.examples;

import io.jsylla.PagingState;
import io.jsylla.Query;
import io.jsylla.QueryPager;
import io.jsylla.QueryResult;
import io.jsylla.Row;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import java.io.PrintStream;

/** Reading a large result page by page, by hand and with the pager. */
public final class PagingExample implements Example {
    @Override
    public String title() {
        return "Paging: single pages and the pager";
    }

    @Override
    public void run(String contactPoint, PrintStream out) {
        try (Session session = SessionBuilder.create().knownNode(contactPoint).useKeyspace(Examples.KEYSPACE, false).build()) {
            session.execute("CREATE TABLE IF NOT EXISTS readings (sensor int, seq int, value double, PRIMARY KEY (sensor, seq))");
            for (int i = 0; i < 250; i++) session.execute("INSERT INTO readings (sensor, seq, value) VALUES (?, ?, ?)", 1, i, i * 0.5);
            Query q = Query.of("SELECT seq, value FROM readings WHERE sensor = ?").withPageSize(100);

            int pages = 0;
            PagingState state = PagingState.start();
            do {
                QueryResult page = session.querySinglePage(q, state, 1);
                pages++;
                state = page.pagingState();
            } while (!state.isEnd());
            out.println("  by hand: " + pages + " pages");

            double sum = 0;
            try (QueryPager pager = session.queryIter(q, 1)) {
                for (Row r : pager) sum += r.getDouble("value");
                out.println("  pager: sum " + sum + " over " + pager.pagesFetched() + " pages, at most "
                        + pager.maxPagesHeld() + " held at once");
            }
        }
    }
}
