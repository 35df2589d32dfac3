package io.jsylla;

import io.jsylla.internal.connection.Blocking;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * A connection to a cluster: thread-safe, long-lived, one per application. Every I/O method
 * has a blocking form and an {@code ...Async} form returning a {@link CompletionStage}; the
 * blocking forms are safe on virtual threads, and refuse to run on the driver's own I/O
 * threads (from a callback of an async result) where they would deadlock.
 *
 * <p>Statements run with values are prepared once, transparently (a bounded cache keyed by
 * keyspace and CQL text), so values bind with the server's types.
 */
public interface Session extends AutoCloseable {

    /** A session on these contact points ({@code "host:port"}, port 9042 by default), with defaults. */
    static Session connect(List<String> contactPoints) {
        return SessionBuilder.create().knownNodes(contactPoints).build();
    }

    static CompletionStage<Session> connectAsync(List<String> contactPoints) {
        return SessionBuilder.create().knownNodes(contactPoints).buildAsync();
    }

    // ---- executing

    CompletionStage<QueryResult> executeAsync(String cql, Object... values);

    CompletionStage<QueryResult> executeAsync(String cql, Map<String, ?> values);

    CompletionStage<QueryResult> executeAsync(Statement<?> statement);

    default QueryResult execute(String cql, Object... values) {
        return Blocking.get(executeAsync(cql, values), "execute");
    }

    default QueryResult execute(String cql, Map<String, ?> values) {
        return Blocking.get(executeAsync(cql, values), "execute");
    }

    default QueryResult execute(Statement<?> statement) {
        return Blocking.get(executeAsync(statement), "execute");
    }

    CompletionStage<QueryResult> queryAsync(Query query, Object... values);

    CompletionStage<QueryResult> queryAsync(Query query, Map<String, ?> values);

    default QueryResult query(Query query, Object... values) {
        return Blocking.get(queryAsync(query, values), "query");
    }

    default QueryResult query(Query query, Map<String, ?> values) {
        return Blocking.get(queryAsync(query, values), "query");
    }

    // ---- prepared statements

    CompletionStage<PreparedStatement> prepareAsync(String cql);

    /** Prepares a query; its options become the prepared statement's defaults. */
    CompletionStage<PreparedStatement> prepareAsync(Query query);

    default PreparedStatement prepare(String cql) {
        return Blocking.get(prepareAsync(cql), "prepare");
    }

    default PreparedStatement prepare(Query query) {
        return Blocking.get(prepareAsync(query), "prepare");
    }

    CompletionStage<QueryResult> executePreparedAsync(PreparedStatement prepared, Object... values);

    CompletionStage<QueryResult> executePreparedAsync(PreparedStatement prepared, Map<String, ?> values);

    default QueryResult executePrepared(PreparedStatement prepared, Object... values) {
        return Blocking.get(executePreparedAsync(prepared, values), "executePrepared");
    }

    default QueryResult executePrepared(PreparedStatement prepared, Map<String, ?> values) {
        return Blocking.get(executePreparedAsync(prepared, values), "executePrepared");
    }

    // ---- batches

    /**
     * Runs a batch with one value set per statement, in order: a {@code List} (positional) or a
     * {@code Map} (by name), or an empty list for a statement without variables.
     */
    CompletionStage<QueryResult> batchAsync(Batch batch, List<?> valueSets);

    default CompletionStage<QueryResult> batchAsync(Batch batch) {
        return batchAsync(batch, List.of());
    }

    default QueryResult batch(Batch batch, List<?> valueSets) {
        return Blocking.get(batchAsync(batch, valueSets), "batch");
    }

    default QueryResult batch(Batch batch) {
        return Blocking.get(batchAsync(batch), "batch");
    }

    /** The batch with every statement prepared. */
    CompletionStage<Batch> prepareBatchAsync(Batch batch);

    default Batch prepareBatch(Batch batch) {
        return Blocking.get(prepareBatchAsync(batch), "prepareBatch");
    }

    // ---- paging

    CompletionStage<QueryResult> querySinglePageAsync(Query query, PagingState state, Object... values);

    default QueryResult querySinglePage(Query query, PagingState state, Object... values) {
        return Blocking.get(querySinglePageAsync(query, state, values), "querySinglePage");
    }

    /** Every row of the query, page by page, the next page fetched while the current one is read. */
    QueryPager queryIter(Query query, Object... values);

    CompletionStage<QueryResult> executeSinglePageAsync(PreparedStatement prepared, PagingState state, Object... values);

    default QueryResult executeSinglePage(PreparedStatement prepared, PagingState state, Object... values) {
        return Blocking.get(executeSinglePageAsync(prepared, state, values), "executeSinglePage");
    }

    QueryPager executeIter(PreparedStatement prepared, Object... values);

    // ---- keyspace, schema, cluster

    /**
     * Switches every connection to the keyspace ({@code caseSensitive} quotes the name, else it
     * is lower-cased); fails with {@link InvalidQueryException} if it does not exist.
     */
    CompletionStage<Void> useKeyspaceAsync(String keyspace, boolean caseSensitive);

    default void useKeyspace(String keyspace, boolean caseSensitive) {
        Blocking.get(useKeyspaceAsync(keyspace, caseSensitive), "useKeyspace");
    }

    Optional<String> getKeyspace();

    /** Waits until every up node reports the same schema version (up to the configured bound). */
    CompletionStage<UUID> awaitSchemaAgreementAsync();

    default UUID awaitSchemaAgreement() {
        return Blocking.get(awaitSchemaAgreementAsync(), "awaitSchemaAgreement");
    }

    /** The agreed schema version, or empty if nodes disagree right now. */
    CompletionStage<Optional<UUID>> checkSchemaAgreementAsync();

    default Optional<UUID> checkSchemaAgreement() {
        return Blocking.get(checkSchemaAgreementAsync(), "checkSchemaAgreement");
    }

    CompletionStage<Void> refreshMetadataAsync();

    default void refreshMetadata() {
        Blocking.get(refreshMetadataAsync(), "refreshMetadata");
    }

    ClusterData getClusterData();

    SessionMetrics getMetrics();

    CompletionStage<TracingInfo> getTracingInfoAsync(UUID tracingId);

    default TracingInfo getTracingInfo(UUID tracingId) {
        return Blocking.get(getTracingInfoAsync(tracingId), "getTracingInfo");
    }

    // ---- life

    /** Lets requests in flight finish, then releases every connection and thread. */
    CompletionStage<Void> closeAsync();

    @Override
    default void close() {
        Blocking.get(closeAsync(), "close");
    }

    boolean isClosed();
}
