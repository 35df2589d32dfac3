package io.jsylla.examples;

import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import java.io.PrintStream;
import java.util.List;

/** Rows straight into Java records, by component name. */
public final class RecordMappingExample implements Example {
    /** A user as the application sees it; components match columns by name. */
    public record User(int id, String name, String email) {}

    @Override
    public String title() {
        return "Rows as Java records";
    }

    @Override
    public void run(String contactPoint, PrintStream out) {
        try (Session session = SessionBuilder.create().knownNode(contactPoint).useKeyspace(Examples.KEYSPACE, false).build()) {
            List<User> users = session.execute("SELECT id, name, email FROM users WHERE id IN (1, 2, 3)").rowsAs(User.class);
            users.forEach(u -> out.println("  " + u));
        }
    }
}
