package io.jsylla.it;

import io.jsylla.Session;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh keyspace per test class, so tests sharing one node never see each other's tables. */
final class Keyspaces {
    private static final AtomicInteger N = new AtomicInteger();

    private Keyspaces() {}

    static String create(Session session, String prefix) {
        String ks = prefix + "_" + ProcessHandle.current().pid() % 10000 + "_" + N.incrementAndGet();
        session.execute("CREATE KEYSPACE " + ks + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        return ks;
    }
}
