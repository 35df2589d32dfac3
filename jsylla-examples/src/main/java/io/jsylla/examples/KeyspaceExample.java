package io.jsylla.examples;

import io.jsylla.InvalidQueryException;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import java.io.PrintStream;

/** Switching keyspace, and the error for one that does not exist. */
public final class KeyspaceExample implements Example {
    @Override
    public String title() {
        return "useKeyspace, on a missing keyspace and an existing one";
    }

    @Override
    public void run(String contactPoint, PrintStream out) {
        try (Session session = SessionBuilder.create().knownNode(contactPoint).build()) {
            try {
                session.useKeyspace("no_such_keyspace", false);
                throw new IllegalStateException("a missing keyspace was accepted");
            } catch (InvalidQueryException e) {
                out.println("  missing keyspace refused: " + e.getMessage());
            }
            session.useKeyspace(Examples.KEYSPACE, false);
            out.println("  now using " + session.getKeyspace().orElseThrow());
        }
    }
}
