package io.jsylla.bench;

import io.jsylla.Batch;
import io.jsylla.Compression;
import io.jsylla.Jsylla;
import io.jsylla.NodeInfo;
import io.jsylla.PagingState;
import io.jsylla.PreparedStatement;
import io.jsylla.Query;
import io.jsylla.QueryResult;
import io.jsylla.Row;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The benchmark's adapter for jsylla. */
public final class JsyllaAdapter implements DriverAdapter {
    private Session session;
    private PreparedStatement insert;
    private PreparedStatement select;
    private PreparedStatement scan;
    private Batch batch;

    /** jsylla-core's version: from its manifest, else from its jar's name (the build adds no manifest version yet). */
    @Override
    public String version() {
        String v = Jsylla.version();
        if (v.equals("dev")) {
            String jar = Jsylla.class.getProtectionDomain().getCodeSource().getLocation().getPath();
            Matcher m = Pattern.compile("jsylla-core-([^/]+)\\.jar$").matcher(jar);
            if (m.find()) v = m.group(1);
        }
        return "io.jsylla:jsylla-core " + v;
    }

    @Override
    public void connect(String contactPoint, String localDatacenter) {
        SessionBuilder builder = SessionBuilder.create().knownNode(contactPoint)
                .poolSize(BenchSchema.CONNECTIONS_PER_NODE)
                .requestTimeout(BenchSchema.REQUEST_TIMEOUT)
                .maxRequestsPerConnection(BenchSchema.MAX_REQUESTS_PER_CONNECTION)
                .compression(Compression.NONE);
        if (localDatacenter != null) builder.localDatacenter(localDatacenter);
        session = builder.build();
    }

    /** The node this session connected to: the orchestrator hands its datacenter to every worker. */
    public NodeInfo node() {
        return session.getClusterData().getNodes().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the session knows no node"));
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
        scan = session.prepare(Query.of(BenchSchema.SCAN).withPageSize(BenchSchema.SCAN_PAGE_SIZE));
        Batch b = Batch.unlogged();
        for (int i = 0; i < BenchSchema.BATCH_SIZE; i++) b = b.appendStatement(insert);
        batch = b;
    }

    @Override
    public CompletionStage<?> insert(long key, ByteBuffer value) {
        return session.executePreparedAsync(insert, key, value);
    }

    @Override
    public CompletionStage<Integer> select(long key) {
        return session.executePreparedAsync(select, key).thenApply(JsyllaAdapter::read);
    }

    @Override
    public CompletionStage<?> batch(long[] keys, ByteBuffer value) {
        List<List<Object>> valueSets = new ArrayList<>(keys.length);
        for (long k : keys) valueSets.add(List.of(k, value));
        return session.batchAsync(batch, valueSets);
    }

    @Override
    public CompletionStage<Long> scan() {
        return scanFrom(PagingState.start(), 0);
    }

    private CompletionStage<Long> scanFrom(PagingState state, long rowsSoFar) {
        return session.executeSinglePageAsync(scan, state).thenCompose(page -> {
            long rows = rowsSoFar + read(page);
            PagingState next = page.pagingState();
            return next.isEnd() ? CompletableFuture.completedFuture(rows) : scanFrom(next, rows);
        });
    }

    /** Reads every row's value, as an application would; returns the row count. */
    private static int read(QueryResult result) {
        int rows = 0;
        for (Row row : result) {
            row.get(1);
            rows++;
        }
        return rows;
    }

    @Override
    public void close() {
        if (session != null) session.close();
    }
}
