package io.jsylla.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * One driver as the benchmark drives it. The worker loads an implementation by class name, so
 * implementations need a public no-argument constructor. Every adapter applies the settings of
 * {@link BenchSchema} (one connection per node, 12 s request timeout, 32768 requests per
 * connection, no compression), uses prepared statements, and otherwise keeps its driver's
 * defaults. Methods other than the async operations are called from one thread, in order:
 * connect, (createSchema), prepare, operations, close.
 */
public interface DriverAdapter extends AutoCloseable {

    /** Driver name and version, e.g. {@code "java-driver-core 4.19.3"}. */
    String version();

    /**
     * Connects a session to the node at {@code contactPoint} ("host:port") and returns once it
     * is ready for requests: the time this takes is the connect-to-ready figure.
     *
     * @param localDatacenter the node's datacenter (drivers that infer it may ignore it)
     */
    void connect(String contactPoint, String localDatacenter) throws Exception;

    /**
     * Called before {@link #connect} when the nodes are (simulated) ScyllaDB nodes with this many
     * shards each, for a driver whose pool must be sized per shard to fill every shard. The
     * default ignores it: the pool stays at {@link BenchSchema#CONNECTIONS_PER_NODE}.
     */
    default void shardsPerNode(int shards) {}

    /** Creates keyspace {@code bench} and table {@code bench.kv} when missing. */
    void createSchema() throws Exception;

    /** Prepares the insert, the select, the scan and the batch of inserts. */
    void prepare() throws Exception;

    /** The prepared insert. The value buffer is shared: adapters must not move its position. */
    CompletionStage<?> insert(long key, ByteBuffer value);

    /** The prepared select by key; completes with the number of rows read (whose value it reads). */
    CompletionStage<Integer> select(long key);

    /** An unlogged batch of {@link BenchSchema#BATCH_SIZE} prepared inserts, one per key. */
    CompletionStage<?> batch(long[] keys, ByteBuffer value);

    /** Pages through the whole table ({@link BenchSchema#SCAN_PAGE_SIZE} rows a page), reading every value; completes with the row count. */
    CompletionStage<Long> scan();

    /** Closes the session, waiting for it. */
    @Override
    void close();
}
