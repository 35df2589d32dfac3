package io.jsylla.examples;

import io.jsylla.Compression;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/** Every builder option, with contact points of which only one answers: the session still connects. */
public final class BuilderExample implements Example {
    @Override
    public String title() {
        return "The complete builder, with unreachable contact points";
    }

    @Override
    public void run(String contactPoint, PrintStream out) {
        try (Session session = SessionBuilder.create()
                .knownNode("127.0.0.1:1")                               // nothing listens there
                .knownNodes(List.of("node1.invalid:9042", contactPoint))  // a name that does not resolve, and the real node
                .useKeyspace(Examples.KEYSPACE, false)
                .connectionTimeout(Duration.ofSeconds(10))
                .poolSize(4)
                .compression(Compression.LZ4)
                .tcpNodelay(true)
                .tcpKeepalive(Duration.ofSeconds(60))
                .requestTimeout(Duration.ofSeconds(12))
                .build()) {
            out.println("  connected through " + contactPoint + " despite the two dead contact points; keyspace "
                    + session.getKeyspace().orElse("-"));
            out.println("  " + session.execute("SELECT count(*) FROM users").firstRow().orElseThrow().getLong(0)
                    + " users (LZ4-compressed traffic, 4 connections)");
        }
    }
}
