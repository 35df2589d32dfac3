package io.jsylla.examples;

import io.jsylla.Batch;
import io.jsylla.PreparedStatement;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** A logged batch of two statements, one value set each (positional, then by name). */
public final class BatchExample implements Example {
    @Override
    public String title() {
        return "A logged batch with value sets";
    }

    @Override
    public void run(String contactPoint, PrintStream out) {
        try (Session session = SessionBuilder.create().knownNode(contactPoint).useKeyspace(Examples.KEYSPACE, false).build()) {
            PreparedStatement ps = session.prepare("INSERT INTO users (id, name) VALUES (?, ?)");
            Batch batch = Batch.logged()
                    .appendStatement("INSERT INTO users (id, name) VALUES (?, ?)")
                    .appendStatement(ps);
            session.batch(batch, List.of(List.of(101, "Alice"), Map.of("id", 102, "name", "Bob")));
            out.println("  both applied atomically: " + session.execute("SELECT name FROM users WHERE id IN (101, 102)")
                    .rows().stream().map(r -> r.getString("name")).toList());
            Batch prepared = session.prepareBatch(batch);
            out.println("  prepareBatch: " + prepared.size() + " statements, all prepared");
        }
    }
}
