package io.jsylla.examples;

import io.jsylla.Row;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import java.io.PrintStream;
import java.util.Map;

/** Create, read, update, delete: the first thing anyone does with a driver. */
public final class CrudExample implements Example {
    @Override
    public String title() {
        return "CRUD: a keyspace, a table, and a row's life";
    }

    @Override
    public void run(String contactPoint, PrintStream out) {
        try (Session session = SessionBuilder.create().knownNode(contactPoint).build()) {
            session.execute("CREATE KEYSPACE IF NOT EXISTS " + Examples.KEYSPACE
                    + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
            session.useKeyspace(Examples.KEYSPACE, false);
            session.execute("CREATE TABLE IF NOT EXISTS users (id int PRIMARY KEY, name text, email text)");

            session.execute("INSERT INTO users (id, name, email) VALUES (?, ?, ?)", 1, "Alice", "alice@example.com");
            Row row = session.execute("SELECT id, name, email FROM users WHERE id = ?", 1).firstRow().orElseThrow();
            out.println("  inserted and read back: " + row.columns());

            session.execute("UPDATE users SET email = :email WHERE id = :id", Map.of("id", 1, "email", "alice@jsylla.io"));
            out.println("  updated email: " + session.execute("SELECT email FROM users WHERE id = ?", 1)
                    .firstRow().orElseThrow().getString("email"));

            session.execute("DELETE FROM users WHERE id = ?", 1);
            out.println("  deleted; rows left for id 1: " + session.execute("SELECT * FROM users WHERE id = ?", 1).rowCount());
        }
    }
}
