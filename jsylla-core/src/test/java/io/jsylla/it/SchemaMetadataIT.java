package io.jsylla.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.AggregateMetadata;
import io.jsylla.ColumnMetadata;
import io.jsylla.DataType;
import io.jsylla.FunctionMetadata;
import io.jsylla.IndexMetadata;
import io.jsylla.KeyspaceMetadata;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import io.jsylla.TableMetadata;
import io.jsylla.UserTypeMetadata;
import io.jsylla.ViewMetadata;
import io.jsylla.internal.cluster.SchemaLoader;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.junit.SharedCassandraNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Schema metadata of a keyspace using most of what CQL can declare, read back through the session
 * and {@link SchemaLoader}, then recreated from {@link KeyspaceMetadata#describe(String)} under
 * another name and compared.
 */
@ExtendWith(SharedCassandraNode.class)
class SchemaMetadataIT {
    private static Session session;
    private static String ks;
    private static String dc;

    @BeforeAll
    static void createSchema(CassandraCluster node) {
        session = SessionBuilder.create().knownNode(node.contactPoint()).build();
        dc = session.getClusterData().getNodes().get(0).datacenter();
        ks = "schema_" + ProcessHandle.current().pid() % 10000 + "_" + System.nanoTime() % 1000;
        for (String cql : richSchema(ks, dc)) session.execute(cql);
    }

    @AfterAll
    static void close() {
        if (session != null) session.close();
    }

    static List<String> richSchema(String ks, String dc) {
        return List.of(
                "CREATE KEYSPACE " + ks + " WITH replication = {'class': 'NetworkTopologyStrategy', '" + dc + "': 1}"
                        + " AND durable_writes = false",
                "CREATE TYPE " + ks + ".address (street text, zip int, tags set<text>)",
                "CREATE TYPE " + ks + ".\"order\" (id int, t tuple<int, text>)",
                "CREATE TYPE " + ks + ".\"Person\" (\"Name\" text, addr frozen<address>,"
                        + " phones map<text, frozen<list<text>>>, \"select\" int, orders list<frozen<\"order\">>)",
                "CREATE TABLE " + ks + ".\"Users\" (id uuid, \"Bucket\" int, ts timeuuid, \"order\" int, s text static,"
                        + " p frozen<\"Person\">, pl list<frozen<\"Person\">>, fm frozen<map<int, text>>, m map<text, int>,"
                        + " l list<int>, st set<text>, fl frozen<list<int>>, v vector<float, 3>, d duration,"
                        + " t tuple<int, text>, o frozen<\"order\">, \"Mixed Name\" text,"
                        + " PRIMARY KEY ((id, \"Bucket\"), ts, \"order\"))"
                        + " WITH CLUSTERING ORDER BY (ts DESC, \"order\" ASC) AND comment = 'it''s the users'' table'"
                        + " AND compaction = {'class': 'LeveledCompactionStrategy', 'sstable_size_in_mb': 64}"
                        + " AND compression = {'class': 'ZstdCompressor', 'chunk_length_in_kb': 32}"
                        + " AND caching = {'keys': 'NONE', 'rows_per_partition': '10'}"
                        + " AND default_time_to_live = 3600 AND gc_grace_seconds = 1000 AND speculative_retry = '50ms'",
                "CREATE TABLE " + ks + ".counts (k text, \"Day\" date, hits counter, PRIMARY KEY (k, \"Day\"))"
                        + " WITH CLUSTERING ORDER BY (\"Day\" DESC)",
                "CREATE TABLE " + ks + ".opts (k int PRIMARY KEY, \"Val\" text, \"select\" int) WITH cdc = false"
                        + " AND allow_auto_snapshot = false AND incremental_backups = false AND memtable = 'default'"
                        + " AND read_repair = 'NONE' AND additional_write_policy = 'NEVER' AND bloom_filter_fp_chance = 0.0001"
                        + " AND crc_check_chance = 0.5 AND min_index_interval = 64 AND max_index_interval = 1024"
                        + " AND memtable_flush_period_in_ms = 60000 AND compression = {'enabled': 'false'}"
                        + " AND comment = 'two;\nlines'",
                "CREATE TABLE " + ks + ".base (k int, c int, v text, w int, PRIMARY KEY (k, c))",
                "CREATE MATERIALIZED VIEW " + ks + ".by_v AS SELECT k, c, v FROM " + ks + ".base"
                        + " WHERE v IS NOT NULL AND k IS NOT NULL AND c IS NOT NULL PRIMARY KEY (v, k, c)"
                        + " WITH CLUSTERING ORDER BY (k DESC, c ASC) AND comment = 'view'",
                "CREATE MATERIALIZED VIEW " + ks + ".\"All\" AS SELECT * FROM " + ks + ".base"
                        + " WHERE v IS NOT NULL AND k IS NOT NULL AND c IS NOT NULL PRIMARY KEY ((v, k), c)",
                "CREATE INDEX ON " + ks + ".\"Users\" (keys(m))",
                "CREATE INDEX ent_idx ON " + ks + ".\"Users\" (entries(m))",
                "CREATE INDEX st_idx ON " + ks + ".\"Users\" (values(st))",
                "CREATE INDEX fl_idx ON " + ks + ".\"Users\" (full(fl))",
                "CREATE INDEX \"BucketIdx\" ON " + ks + ".\"Users\" (\"Bucket\")",
                "CREATE INDEX s_sai ON " + ks + ".\"Users\" (s) USING 'sai'",
                "CREATE CUSTOM INDEX v_sai ON " + ks + ".\"Users\" (v) USING 'StorageAttachedIndex'"
                        + " WITH OPTIONS = {'similarity_function': 'dot_product'}",
                "CREATE INDEX ON " + ks + ".opts (\"Val\")",
                "CREATE FUNCTION " + ks + ".plus(a int, \"B\" int) RETURNS NULL ON NULL INPUT RETURNS int"
                        + " LANGUAGE java AS 'return a + B;'",
                "CREATE FUNCTION " + ks + ".acc(s tuple<int, int>, v int) CALLED ON NULL INPUT RETURNS tuple<int, int>"
                        + " LANGUAGE java AS $$\n    s.setInt(0, s.getInt(0) + v);\n    s.setInt(1, s.getInt(1) + 1);\n"
                        + "    return s;\n$$",
                "CREATE FUNCTION " + ks + ".ratio(s tuple<int, int>) CALLED ON NULL INPUT RETURNS double"
                        + " LANGUAGE java AS 'return s.getInt(1) == 0 ? 0.0 : (double) s.getInt(0) / s.getInt(1); // $'",
                "CREATE FUNCTION " + ks + ".who(p \"Person\", l list<frozen<\"order\">>) RETURNS NULL ON NULL INPUT"
                        + " RETURNS text LANGUAGE java AS 'return p.getString(\"\\\"Name\\\"\");'",
                "CREATE AGGREGATE " + ks + ".mean(int) SFUNC acc STYPE tuple<int, int> FINALFUNC ratio INITCOND (0, 0)",
                "CREATE AGGREGATE " + ks + ".total(int) SFUNC plus STYPE int INITCOND 0");
    }

    @Test
    void theSessionSeesTablesTypesAndOptions() {
        session.refreshMetadata();
        KeyspaceMetadata k = session.getClusterData().getKeyspace(ks).orElseThrow();
        checkKeyspaceTablesAndTypes(k);
        checkViewsIndexesAndFunctions(k);
        // The session reads its schema through the same loader.
        assertThat(k).isEqualTo(load(ks));
    }

    @Test
    void theLoaderReadsEverything() {
        KeyspaceMetadata k = load(ks);
        checkKeyspaceTablesAndTypes(k);
        checkViewsIndexesAndFunctions(k);
    }

    @Test
    void theLoaderReadsOnlyTheKeyspacesAskedFor() throws Exception {
        assertThat(SchemaLoader.load(cql -> session.executeAsync(cql).toCompletableFuture(), Set.of(ks, "system_auth", "no'such"))
                .get().keySet()).containsExactlyInAnyOrder(ks, "system_auth");
        Map<String, KeyspaceMetadata> all = SchemaLoader.load(cql -> session.executeAsync(cql).toCompletableFuture(), Set.of()).get();
        assertThat(all).containsKeys(ks, "system", "system_schema", "system_auth");
        assertThat(all.get("system").getTable("paxos").orElseThrow().indexes()).isNotEmpty(); // a custom index of the server's
    }

    @Test
    void describeRecreatesTheKeyspaceUnderAnotherName() {
        KeyspaceMetadata original = load(ks);
        String copyName = ks + "_copy";
        String cql = original.describe(copyName);
        assertThat(cql).doesNotContain(ks + ".").doesNotContain(ks + " ");
        List<String> statements = split(cql);
        assertThat(statements).hasSize(1 + 3 + 4 + 2 + 4 + 8 + 2);
        for (String statement : statements) session.execute(statement);

        KeyspaceMetadata copy = load(copyName);
        assertThat(normalize(copy)).isEqualTo(normalize(original));
        assertThat(copy.describe("x")).isEqualTo(original.describe("x"));
        checkKeyspaceTablesAndTypes(copy);
        checkViewsIndexesAndFunctions(copy);
        session.execute("DROP KEYSPACE " + copyName);
    }

    private static KeyspaceMetadata load(String keyspace) {
        return SchemaLoader.load(cql -> session.executeAsync(cql).toCompletableFuture(), Set.of(keyspace))
                .join().get(keyspace);
    }

    private static void checkKeyspaceTablesAndTypes(KeyspaceMetadata k) {
        assertThat(k.durableWrites()).isFalse();
        assertThat(k.replication()).containsEntry(dc, "1")
                .containsEntry("class", "org.apache.cassandra.locator.NetworkTopologyStrategy");
        assertThat(k.describe()).startsWith("CREATE KEYSPACE " + k.name() + " WITH replication = {'class': 'NetworkTopologyStrategy', '"
                + dc + "': '1'} AND durable_writes = false;\n");

        // Dependencies first: Person uses the other two.
        assertThat(k.getUserTypes()).extracting(UserTypeMetadata::name).containsExactly("address", "order", "Person");
        UserTypeMetadata person = k.getUserType("Person").orElseThrow();
        assertThat(person.fieldNames()).containsExactly("Name", "addr", "phones", "select", "orders");
        assertThat(person.fieldTypes().get(1).kind()).isEqualTo(DataType.Kind.UDT);
        assertThat(person.fieldTypes().get(1).isFrozen()).isTrue();
        assertThat(person.fieldTypes().get(1).fieldNames()).containsExactly("street", "zip", "tags");
        assertThat(person.describe()).contains("orders list<frozen<\"order\">>").contains("\"Name\" text");

        TableMetadata users = k.getTable("Users").orElseThrow();
        assertThat(users.partitionKey()).extracting(ColumnMetadata::name).containsExactly("id", "Bucket");
        assertThat(users.clusteringColumns()).extracting(ColumnMetadata::name).containsExactly("ts", "order");
        assertThat(users.clusteringColumns()).extracting(ColumnMetadata::descending).containsExactly(true, false);
        assertThat(users.getColumn("s").orElseThrow().kind()).isEqualTo(ColumnMetadata.Kind.STATIC);
        Map<String, String> types = new LinkedHashMap<>();
        for (ColumnMetadata c : users.columns()) types.put(c.name(), c.type().toString());
        assertThat(types).containsEntry("p", "frozen<\"Person\">").containsEntry("pl", "list<frozen<\"Person\">>")
                .containsEntry("fm", "frozen<map<int, text>>").containsEntry("m", "map<text, int>")
                .containsEntry("fl", "frozen<list<int>>").containsEntry("v", "vector<float, 3>")
                .containsEntry("d", "duration").containsEntry("t", "tuple<int, text>").containsEntry("Mixed Name", "text");
        assertThat(users.getColumn("v").orElseThrow().type().dimension()).isEqualTo(3);
        assertThat(users.options()).containsEntry("comment", "'it''s the users'' table'")
                .containsEntry("default_time_to_live", "3600").containsEntry("gc_grace_seconds", "1000")
                .containsEntry("speculative_retry", "'50ms'")
                .containsEntry("caching", "{'keys': 'NONE', 'rows_per_partition': '10'}")
                .doesNotContainKeys("id", "flags", "extensions", "read_repair_chance", "dclocal_read_repair_chance");
        assertThat(users.options().get("compaction")).contains("LeveledCompactionStrategy").contains("'sstable_size_in_mb': '64'");
        assertThat(users.options().get("compression")).contains("ZstdCompressor").contains("'chunk_length_in_kb': '32'");
        assertThat(users.describe()).contains("PRIMARY KEY ((id, \"Bucket\"), ts, \"order\")")
                .contains("WITH CLUSTERING ORDER BY (ts DESC, \"order\" ASC)").contains("    s text static,")
                .contains("    o frozen<\"order\">,").contains("    \"Mixed Name\" text,");

        TableMetadata counts = k.getTable("counts").orElseThrow();
        assertThat(counts.getColumn("hits").orElseThrow().type()).isEqualTo(DataType.COUNTER);
        assertThat(counts.clusteringColumns().get(0).descending()).isTrue();
        TableMetadata opts = k.getTable("opts").orElseThrow();
        assertThat(opts.options()).containsEntry("allow_auto_snapshot", "false").containsEntry("incremental_backups", "false")
                .containsEntry("read_repair", "'NONE'").containsEntry("additional_write_policy", "'NEVER'")
                .containsEntry("min_index_interval", "64").containsEntry("compression", "{'enabled': 'false'}")
                .containsEntry("comment", "'two;\nlines'");
    }

    private static void checkViewsIndexesAndFunctions(KeyspaceMetadata k) {
        assertThat(k.getViews()).extracting(ViewMetadata::name).containsExactly("All", "by_v");
        ViewMetadata byV = k.getView("by_v").orElseThrow();
        assertThat(byV.baseTable()).isEqualTo("base");
        assertThat(byV.includeAllColumns()).isFalse();
        assertThat(byV.whereClause()).isEqualTo("v IS NOT NULL AND k IS NOT NULL AND c IS NOT NULL");
        assertThat(byV.partitionKey()).extracting(ColumnMetadata::name).containsExactly("v");
        assertThat(byV.clusteringColumns()).extracting(ColumnMetadata::name).containsExactly("k", "c");
        assertThat(byV.clusteringColumns()).extracting(ColumnMetadata::descending).containsExactly(true, false);
        assertThat(byV.options()).containsEntry("comment", "'view'");
        assertThat(byV.describe()).contains("CREATE MATERIALIZED VIEW " + k.name() + ".by_v AS")
                .contains("SELECT v, k, c").contains("FROM " + k.name() + ".base")
                .contains("PRIMARY KEY (v, k, c) WITH CLUSTERING ORDER BY (k DESC, c ASC)");
        ViewMetadata all = k.getView("All").orElseThrow();
        assertThat(all.includeAllColumns()).isTrue();
        assertThat(all.columns()).extracting(ColumnMetadata::name).containsExactly("v", "k", "c", "w");
        assertThat(all.describe()).contains("SELECT *").contains("PRIMARY KEY ((v, k), c)");
        assertThat(k.describe().indexOf("CREATE MATERIALIZED VIEW")).isGreaterThan(k.describe().lastIndexOf("CREATE TABLE"));

        TableMetadata users = k.getTable("Users").orElseThrow();
        Map<String, String> targets = new LinkedHashMap<>();
        for (IndexMetadata i : users.indexes()) targets.put(i.name(), i.kind() + " " + i.target() + " " + i.className().orElse("-"));
        assertThat(targets).containsExactly(
                Map.entry("BucketIdx", "COMPOSITES \"Bucket\" -"),
                Map.entry("Users_m_idx", "COMPOSITES keys(m) -"),
                Map.entry("ent_idx", "COMPOSITES entries(m) -"),
                Map.entry("fl_idx", "COMPOSITES full(fl) -"),
                Map.entry("s_sai", "CUSTOM s sai"),
                Map.entry("st_idx", "COMPOSITES values(st) -"),
                Map.entry("v_sai", "CUSTOM v StorageAttachedIndex"));
        String q = k.name() + ".\"Users\"";
        assertThat(users.describe()).contains("CREATE INDEX \"Users_m_idx\" ON " + q + " (keys(m));")
                .contains("CREATE INDEX \"BucketIdx\" ON " + q + " (\"Bucket\");")
                .contains("CREATE CUSTOM INDEX s_sai ON " + q + " (s) USING 'sai';")
                .contains("CREATE CUSTOM INDEX v_sai ON " + q + " (v) USING 'StorageAttachedIndex'"
                        + " WITH OPTIONS = {'similarity_function': 'dot_product'};");
        assertThat(k.getTable("opts").orElseThrow().indexes()).extracting(IndexMetadata::target).containsExactly("\"Val\"");

        assertThat(k.getFunctions()).extracting(FunctionMetadata::signature).containsExactly(
                "acc(tuple<int, int>, int)", "plus(int, int)", "ratio(tuple<int, int>)",
                "who(\"Person\", list<frozen<\"order\">>)");
        FunctionMetadata plus = k.functions().get("plus(int, int)");
        assertThat(plus.argumentNames()).containsExactly("a", "B");
        assertThat(plus.calledOnNullInput()).isFalse();
        assertThat(plus.returnType()).isEqualTo(DataType.INT);
        assertThat(plus.body()).isEqualTo("return a + B;");
        assertThat(k.functions().get("acc(tuple<int, int>, int)").body()).contains("\n    return s;\n");
        AggregateMetadata mean = k.aggregates().get("mean(int)");
        assertThat(mean.stateFunction()).isEqualTo("acc");
        assertThat(mean.finalFunction()).isEqualTo("ratio");
        assertThat(mean.initCond()).isEqualTo("(0, 0)");
        assertThat(mean.returnType()).isEqualTo(DataType.DOUBLE);
        assertThat(k.aggregates().get("total(int)").getFinalFunction()).isEmpty();
    }

    /** The schema with the keyspace name left out (types compare as CQL text), for comparing copies. */
    private static Map<String, Object> normalize(KeyspaceMetadata k) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("keyspace", List.of(k.durableWrites(), k.replication()));
        List<Object> types = new ArrayList<>();
        for (UserTypeMetadata t : k.getUserTypes()) types.add(List.of(t.name(), t.fieldNames(), strings(t.fieldTypes())));
        out.put("types", types);
        List<Object> tables = new ArrayList<>();
        for (TableMetadata t : k.getTables()) {
            List<Object> indexes = new ArrayList<>();
            for (IndexMetadata i : t.indexes()) indexes.add(List.of(i.table(), i.name(), i.kind(), i.options()));
            tables.add(List.of(t.name(), columns(t.columns()), t.options(), indexes));
        }
        out.put("tables", tables);
        List<Object> views = new ArrayList<>();
        for (ViewMetadata v : k.getViews()) {
            views.add(List.of(v.name(), v.baseTable(), v.whereClause(), v.includeAllColumns(), columns(v.columns()), v.options()));
        }
        out.put("views", views);
        List<Object> functions = new ArrayList<>();
        for (FunctionMetadata f : k.getFunctions()) {
            functions.add(List.of(f.signature(), f.argumentNames(), f.returnType().toString(), f.calledOnNullInput(),
                    f.language(), f.body()));
        }
        out.put("functions", functions);
        List<Object> aggregates = new ArrayList<>();
        for (AggregateMetadata a : k.getAggregates()) {
            aggregates.add(List.of(a.signature(), a.stateFunction(), a.stateType().toString(), String.valueOf(a.finalFunction()),
                    String.valueOf(a.initCond()), a.returnType().toString()));
        }
        out.put("aggregates", aggregates);
        return out;
    }

    private static List<Object> columns(List<ColumnMetadata> columns) {
        List<Object> out = new ArrayList<>();
        for (ColumnMetadata c : columns) out.add(List.of(c.name(), c.type().toString(), c.kind(), c.position(), c.descending()));
        return out;
    }

    private static List<String> strings(List<DataType> types) {
        return types.stream().map(DataType::toString).toList();
    }

    /**
     * Statements of a describe() output: each ends with ';' and a new line outside quotes, so a
     * comment or a function body holding ";\n" stays whole.
     */
    static List<String> split(String cql) {
        List<String> out = new ArrayList<>();
        int start = 0;
        char quote = 0; // ', " or $ while inside a literal, name or $$ body
        for (int i = 0; i < cql.length(); i++) {
            char c = cql.charAt(i);
            if (quote == '$') {
                if (cql.startsWith("$$", i)) {
                    quote = 0;
                    i++;
                }
            } else if (quote != 0) {
                if (c == quote) quote = 0; // a doubled quote closes and reopens: same result
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (cql.startsWith("$$", i)) {
                quote = '$';
                i++;
            } else if (c == ';' && (i + 1 == cql.length() || cql.charAt(i + 1) == '\n')) {
                String s = cql.substring(start, i + 1).strip();
                if (!s.isEmpty()) out.add(s);
                start = i + 1;
            }
        }
        assertThat(cql.substring(start)).isBlank();
        return out;
    }
}
