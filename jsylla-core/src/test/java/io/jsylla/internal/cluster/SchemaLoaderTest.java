package io.jsylla.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsylla.InvalidQueryException;
import io.jsylla.KeyspaceMetadata;
import io.jsylla.QueryResult;
import io.jsylla.ScyllaException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SchemaLoaderTest {
    private final List<String> sent = new CopyOnWriteArrayList<>();

    /** Answers each system_schema query from the fixture, failing the tables named in {@code failing}. */
    private Function<String, CompletableFuture<QueryResult>> server(Map<String, RuntimeException> failing) {
        Map<String, SchemaRows> tables = Map.of("keyspaces", SchemaFixture.keyspaces(), "tables", SchemaFixture.tables(),
                "columns", SchemaFixture.columns(), "types", SchemaFixture.types(), "views", SchemaFixture.views(),
                "indexes", SchemaFixture.indexes(), "functions", SchemaFixture.functions(),
                "aggregates", SchemaFixture.aggregates());
        return cql -> {
            sent.add(cql);
            String table = cql.replaceAll("^SELECT \\* FROM system_schema\\.(\\w+).*$", "$1");
            RuntimeException e = failing.get(table);
            return e != null ? CompletableFuture.failedFuture(e) : CompletableFuture.completedFuture(tables.get(table).result());
        };
    }

    @Test
    void readsEveryTableOfTheChosenKeyspacesOnly() {
        Map<String, KeyspaceMetadata> schema = SchemaLoader.load(server(Map.of()), Set.of("shop", "it's")).join();
        assertThat(schema).containsOnlyKeys("shop");
        assertThat(schema.get("shop").views()).containsOnlyKeys("by_day");
        assertThat(schema.get("shop").aggregates()).containsOnlyKeys("total(int)");
        assertThat(sent).hasSize(8).allMatch(q -> q.endsWith(" WHERE keyspace_name IN ('it''s', 'shop')"));
    }

    @Test
    void noKeyspacesMeansAll() {
        SchemaLoader.load(server(Map.of()), Set.of()).join();
        assertThat(sent).hasSize(8).noneMatch(q -> q.contains("WHERE"));
    }

    @Test
    void aServerWithoutViewsOrFunctionsStillYieldsTablesAndTypes() {
        RuntimeException missing = new InvalidQueryException(null, "unconfigured table functions");
        KeyspaceMetadata shop = SchemaLoader.load(server(Map.of("functions", missing, "views", missing)), Set.of()).join().get("shop");
        assertThat(shop.functions()).isEmpty();
        assertThat(shop.views()).isEmpty();
        assertThat(shop.aggregates()).isNotEmpty();
        assertThat(shop.tables()).containsOnlyKeys("Orders");
    }

    @Test
    void otherFailuresFailTheLoad() {
        RuntimeException lost = new ScyllaException("connection lost");
        assertThatThrownBy(() -> SchemaLoader.load(server(Map.of("indexes", lost)), Set.of()).get())
                .isInstanceOf(ExecutionException.class).hasCause(lost);
        assertThatThrownBy(() -> SchemaLoader.load(server(Map.of("tables", new InvalidQueryException(null, "no"))), Set.of()).get())
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(InvalidQueryException.class);
    }
}
