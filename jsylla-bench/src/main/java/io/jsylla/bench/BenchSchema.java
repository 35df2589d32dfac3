package io.jsylla.bench;

import java.time.Duration;

/** The benchmark's schema, statements and the driver settings every adapter applies. */
public final class BenchSchema {
    public static final String CREATE_KEYSPACE =
            "CREATE KEYSPACE IF NOT EXISTS bench WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}";
    public static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS bench.kv (k bigint PRIMARY KEY, v blob)";

    public static final String INSERT = "INSERT INTO bench.kv (k, v) VALUES (?, ?)";
    public static final String SELECT = "SELECT k, v FROM bench.kv WHERE k = ?";
    public static final String SCAN = "SELECT k, v FROM bench.kv";

    /** Rows per page of the scan. */
    public static final int SCAN_PAGE_SIZE = 1000;
    /** Statements in the batch workload's unlogged batch. */
    public static final int BATCH_SIZE = 10;

    // The settings shared by every driver: one connection per node, jsylla's defaults for the rest.
    public static final int CONNECTIONS_PER_NODE = 1;
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(12);
    public static final int MAX_REQUESTS_PER_CONNECTION = 32768;

    private BenchSchema() {}
}
