package io.jsylla.internal.cluster;

import io.jsylla.InvalidQueryException;
import io.jsylla.KeyspaceMetadata;
import io.jsylla.QueryResult;
import io.jsylla.Row;
import io.jsylla.UnauthorizedException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the schema from {@code system_schema}, all of it or only chosen keyspaces, and builds its
 * metadata. The queries run concurrently on whatever the caller's function sends them to.
 */
public final class SchemaLoader {
    private SchemaLoader() {}

    /**
     * @param query runs one CQL statement and returns all its rows (one unpaged page)
     * @param keyspaces the keyspaces to read; empty for all of them
     */
    public static CompletableFuture<Map<String, KeyspaceMetadata>> load(Function<String, CompletableFuture<QueryResult>> query,
                                                                       Set<String> keyspaces) {
        String where = where(keyspaces);
        CompletableFuture<List<Row>> ks = rows(query, "keyspaces", where, false);
        CompletableFuture<List<Row>> tables = rows(query, "tables", where, false);
        CompletableFuture<List<Row>> columns = rows(query, "columns", where, false);
        CompletableFuture<List<Row>> types = rows(query, "types", where, false);
        CompletableFuture<List<Row>> views = rows(query, "views", where, true);
        CompletableFuture<List<Row>> indexes = rows(query, "indexes", where, true);
        CompletableFuture<List<Row>> functions = rows(query, "functions", where, true);
        CompletableFuture<List<Row>> aggregates = rows(query, "aggregates", where, true);
        return CompletableFuture.allOf(ks, tables, columns, types, views, indexes, functions, aggregates)
                .thenApply(x -> SchemaParser.parse(new SchemaParser.Rows(ks.join(), tables.join(), columns.join(),
                        types.join(), views.join(), indexes.join(), functions.join(), aggregates.join())));
    }

    /**
     * The filter on the partition key of every {@code system_schema} table, so the server reads
     * only the chosen keyspaces' partitions. Names go in as literals: they are data here, and a
     * bound IN list would need a prepared statement per size.
     */
    static String where(Set<String> keyspaces) {
        if (keyspaces.isEmpty()) return "";
        return " WHERE keyspace_name IN (" + new TreeSet<>(keyspaces).stream()
                .map(k -> "'" + k.replace("'", "''") + "'").collect(Collectors.joining(", ")) + ")";
    }

    /**
     * Rows of one table. Views, indexes, functions and aggregates are optional: a server without
     * one of those tables (or refusing to show it) still yields keyspaces, tables and types. Other
     * failures (timeouts, a lost connection) fail the load, rather than hide a part of the schema.
     */
    private static CompletableFuture<List<Row>> rows(Function<String, CompletableFuture<QueryResult>> query, String table,
                                                     String where, boolean optional) {
        CompletableFuture<List<Row>> rows = query.apply("SELECT * FROM system_schema." + table + where)
                .thenApply(QueryResult::rows);
        if (!optional) return rows;
        return rows.exceptionallyCompose(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            boolean missing = cause instanceof InvalidQueryException || cause instanceof UnauthorizedException;
            return missing ? CompletableFuture.completedFuture(List.of()) : CompletableFuture.failedFuture(cause);
        });
    }
}
