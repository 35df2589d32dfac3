package io.jsylla.examples;

import io.jsylla.BoundStatement;
import io.jsylla.PreparedStatement;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import java.io.PrintStream;
import java.util.Map;

/** Prepare once, execute many times, by position or by name. */
public final class PreparedExample implements Example {
    @Override
    public String title() {
        return "Prepared insert and select";
    }

    @Override
    public void run(String contactPoint, PrintStream out) {
        try (Session session = SessionBuilder.create().knownNode(contactPoint).useKeyspace(Examples.KEYSPACE, false).build()) {
            PreparedStatement insert = session.prepare("INSERT INTO users (id, name, email) VALUES (?, ?, ?)");
            session.executePrepared(insert, 1, "Alice", "alice@example.com");
            session.executePrepared(insert, Map.of("id", 2, "name", "Bob", "email", "bob@example.com"));
            BoundStatement carol = insert.bind(3, "Carol", "carol@example.com");
            session.execute(carol);

            PreparedStatement select = session.prepare("SELECT name, email FROM users WHERE id = ?");
            for (int id = 1; id <= 3; id++) {
                out.println("  " + id + " -> " + session.executePrepared(select, id).firstRow().orElseThrow().columns());
            }
            out.println("  variables of the select: " + select.getVariables());
        }
    }
}
