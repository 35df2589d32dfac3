package io.jsylla.bench.datastax;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.jsylla.bench.BenchSchema;
import io.jsylla.bench.DriverAdapter;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The benchmark's adapter for the DataStax-API drivers: the Apache Java driver and ScyllaDB's
 * fork, which share the {@code com.datastax.oss.driver.api} packages. One source, compiled by
 * jsylla-bench-apache and jsylla-bench-scylla against each driver.
 */
public final class DataStaxAdapter implements DriverAdapter {
    private CqlSession session;
    private PreparedStatement insert;
    private PreparedStatement select;
    private BoundStatement scan;
    private int poolSize = BenchSchema.CONNECTIONS_PER_NODE;

    @Override
    public String version() {
        var coordinates = CqlSession.OSS_DRIVER_COORDINATES;
        return coordinates.getGroupId() + ":" + coordinates.getArtifactId() + " " + coordinates.getVersion();
    }

    /**
     * ScyllaDB's fork opens {@code ceil(pool size / shards)} connections per shard (SCYLLA.md
     * section 9): a pool of shards x {@link BenchSchema#CONNECTIONS_PER_NODE} fills every shard,
     * where the shared size of one would leave all but one shard without a connection. The
     * Apache driver knows no shards and keeps the shared size.
     */
    @Override
    public void shardsPerNode(int shards) {
        if (isScyllaFork()) poolSize = shards * BenchSchema.CONNECTIONS_PER_NODE;
    }

    private static boolean isScyllaFork() {
        return CqlSession.OSS_DRIVER_COORDINATES.getGroupId().equals("com.scylladb");
    }

    @Override
    public void connect(String contactPoint, String localDatacenter) {
        // The shared settings; everything else (retry, load balancing, protocol negotiation,
        // metadata, heartbeats, coalescing) stays at the driver's defaults.
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withInt(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE, poolSize)
                .withInt(DefaultDriverOption.CONNECTION_POOL_REMOTE_SIZE, poolSize)
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, BenchSchema.REQUEST_TIMEOUT)
                .withInt(DefaultDriverOption.CONNECTION_MAX_REQUESTS, BenchSchema.MAX_REQUESTS_PER_CONNECTION)
                .withString(DefaultDriverOption.PROTOCOL_COMPRESSION, "none")
                .build();
        session = CqlSession.builder().addContactPoint(address(contactPoint)).withLocalDatacenter(localDatacenter)
                .withConfigLoader(config).build();
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) return new InetSocketAddress(hostPort, 9042);
        String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
        return new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1)));
    }

    @Override
    public void createSchema() {
        session.execute(BenchSchema.CREATE_KEYSPACE);
        session.execute(BenchSchema.CREATE_TABLE);
    }

    @Override
    public void prepare() {
        insert = session.prepare(BenchSchema.INSERT);
        select = session.prepare(BenchSchema.SELECT);
        scan = session.prepare(BenchSchema.SCAN).bind().setPageSize(BenchSchema.SCAN_PAGE_SIZE);
    }

    @Override
    public CompletionStage<?> insert(long key, ByteBuffer value) {
        return session.executeAsync(insert.bind(key, value));
    }

    @Override
    public CompletionStage<Integer> select(long key) {
        return session.executeAsync(select.bind(key)).thenApply(DataStaxAdapter::read);
    }

    @Override
    public CompletionStage<?> batch(long[] keys, ByteBuffer value) {
        BatchableStatement<?>[] inserts = new BatchableStatement<?>[keys.length];
        for (int i = 0; i < keys.length; i++) inserts[i] = insert.bind(keys[i], value);
        return session.executeAsync(BatchStatement.newInstance(DefaultBatchType.UNLOGGED, inserts));
    }

    @Override
    public CompletionStage<Long> scan() {
        return session.executeAsync(scan).thenCompose(page -> drain(page, 0));
    }

    private static CompletionStage<Long> drain(AsyncResultSet page, long rowsSoFar) {
        long rows = rowsSoFar + read(page);
        return page.hasMorePages() ? page.fetchNextPage().thenCompose(next -> drain(next, rows))
                : CompletableFuture.completedFuture(rows);
    }

    /** Reads every row's value of the current page, as an application would; returns the row count. */
    private static int read(AsyncResultSet page) {
        int rows = 0;
        for (Row row : page.currentPage()) {
            row.getByteBuffer(1);
            rows++;
        }
        return rows;
    }

    @Override
    public void close() {
        if (session != null) session.close();
    }
}
