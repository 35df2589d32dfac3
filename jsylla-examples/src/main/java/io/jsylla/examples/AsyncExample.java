package io.jsylla.examples;

import io.jsylla.PreparedStatement;
import io.jsylla.QueryResult;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Many requests in flight at once, composed with CompletableFuture. */
public final class AsyncExample implements Example {
    @Override
    public String title() {
        return "Async: a thousand writes in flight";
    }

    @Override
    public void run(String contactPoint, PrintStream out) {
        try (Session session = SessionBuilder.create().knownNode(contactPoint).useKeyspace(Examples.KEYSPACE, false).build()) {
            PreparedStatement insert = session.prepare("INSERT INTO users (id, name) VALUES (?, ?)");
            long start = System.nanoTime();
            List<CompletableFuture<QueryResult>> writes = new ArrayList<>();
            for (int id = 1000; id < 2000; id++) {
                writes.add(session.executePreparedAsync(insert, id, "async-" + id).toCompletableFuture());
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
            out.printf("  1000 writes in %.1f ms%n", (System.nanoTime() - start) / 1e6);
            String name = session.executeAsync("SELECT name FROM users WHERE id = ?", 1500)
                    .thenApply(r -> r.firstRow().orElseThrow().getString("name"))
                    .toCompletableFuture().join();
            out.println("  read back asynchronously: " + name);
        }
    }
}
