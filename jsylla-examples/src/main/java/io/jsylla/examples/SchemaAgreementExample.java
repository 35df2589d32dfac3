package io.jsylla.examples;

import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import java.io.PrintStream;
import java.util.UUID;

/** After a schema change, wait until every node has it. */
public final class SchemaAgreementExample implements Example {
    @Override
    public String title() {
        return "Schema agreement after CREATE TABLE";
    }

    @Override
    public void run(String contactPoint, PrintStream out) {
        try (Session session = SessionBuilder.create().knownNode(contactPoint).useKeyspace(Examples.KEYSPACE, false).build()) {
            session.execute("CREATE TABLE IF NOT EXISTS events (day date, at timestamp, what text, PRIMARY KEY (day, at))");
            UUID version = session.awaitSchemaAgreement();
            out.println("  every node is on schema version " + version);
            out.println("  agreement right now: " + session.checkSchemaAgreement().isPresent());
        }
    }
}
