package io.jsylla.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.DataType;
import io.jsylla.QueryResult;
import io.jsylla.Row;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import io.jsylla.internal.codec.Codecs;
import io.jsylla.internal.result.DefaultQueryResult;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.junit.SharedCassandraNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cross-client conformance: the Python driver writes rows of every type that jsylla reads back
 * equal (and byte for byte as it would encode them), and reads back equal what jsylla wrote.
 * Both sides print values in the canonical form of {@link Canonical}; conformance.py is the Python side.
 */
@ExtendWith(SharedCassandraNode.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonConformanceIT {
    private static final String KS = "types_py";
    private Session session;
    private Map<String, DataType> types;
    private PythonClient python;
    private String host;
    private String port;

    @BeforeAll
    void setUp(CassandraCluster node) throws Exception {
        Path work = Files.createDirectories(Path.of("target", "python-conformance"));
        python = PythonClient.locate(work);
        String contactPoint = node.contactPoint();
        host = contactPoint.substring(0, contactPoint.lastIndexOf(':'));
        port = contactPoint.substring(contactPoint.lastIndexOf(':') + 1);
        session = SessionBuilder.create().knownNode(contactPoint).build();
        TypeSamples.createSchema(session, KS);
        types = TypeSamples.types(session, KS);
    }

    @AfterAll
    void close() {
        if (session != null) session.close();
    }

    @Test
    void jsyllaReadsWhatPythonWrote() throws Exception {
        Map<String, Map<Integer, Map<String, String>>> written = parse(python.run(host, port, KS, "write", "1001"));
        Map<Integer, Map<String, String>> rows = written.get("all_types");
        assertThat(rows).as("rows the Python client wrote").hasSizeGreaterThanOrEqualTo(4);
        Map<Integer, Map<String, String>> read = readCanonical(rows.keySet(), true);
        List<String> differences = new ArrayList<>();
        rows.forEach((id, cells) -> {
            assertThat(cells.keySet()).as("columns Python wrote in row %s", id).containsAll(columnsButId());
            cells.forEach((column, expected) -> {
                String actual = read.getOrDefault(id, Map.of()).get(column);
                if (!expected.equals(actual)) differences.add(id + " " + column + ":\n  python " + expected + "\n  jsylla " + actual);
            });
        });
        assertThat(differences).as("cells jsylla read differently from what Python wrote").isEmpty();
        Row counter = session.execute("SELECT c FROM " + KS + ".counters WHERE id = 1001").firstRow().orElseThrow();
        assertThat(Long.toString(counter.getLong("c"))).isEqualTo(written.get("counters").get(1001).get("c"));
    }

    @Test
    void pythonReadsWhatJsyllaWrote() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> typical = new LinkedHashMap<>();
        TypeSamples.typical(types).forEach((column, v) -> typical.put(column, v[0]));
        rows.add(typical);
        rows.addAll(TypeSamples.edges(types, true));
        List<Integer> ids = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            int id = ids.size() + 1;
            ids.add(id);
            Map<String, Object> withId = new LinkedHashMap<>();
            withId.put("id", id);
            withId.putAll(row);
            session.execute(TypeSamples.insert(KS, withId.keySet()), withId.values().toArray());
        }
        session.execute("UPDATE " + KS + ".counters SET c = c + ? WHERE id = ?", Long.MAX_VALUE - 1, 1);
        session.execute("UPDATE " + KS + ".counters SET c = c + ? WHERE id = ?", -2, 1);

        Map<Integer, Map<String, String>> ours = readCanonical(ids, false);
        List<String> args = new ArrayList<>(List.of(host, port, KS, "read"));
        ids.forEach(id -> args.add(id.toString()));
        Map<String, Map<Integer, Map<String, String>>> theirs = parse(python.run(args.toArray(String[]::new)));
        List<String> differences = new ArrayList<>();
        for (int id : ids) {
            Map<String, String> p = theirs.getOrDefault("all_types", Map.of()).getOrDefault(id, Map.of());
            ours.get(id).forEach((column, value) -> {
                if (!value.equals(p.get(column))) differences.add(id + " " + column + ":\n  jsylla " + value + "\n  python " + p.get(column));
            });
        }
        assertThat(differences).as("cells Python read differently from what jsylla wrote").isEmpty();
        assertThat(theirs.get("counters").get(1).get("c")).isEqualTo(Long.toString(Long.MAX_VALUE - 3));
    }

    /**
     * jsylla's reading of the rows, canonically rendered; also checks that each value read encodes
     * back to exactly the bytes the node sent.
     */
    private Map<Integer, Map<String, String>> readCanonical(Iterable<Integer> ids, boolean checkBytes) {
        String in = String.join(", ", toList(ids).stream().map(String::valueOf).toList());
        QueryResult result = session.execute("SELECT * FROM " + KS + ".all_types WHERE id IN (" + in + ")");
        var data = ((DefaultQueryResult) result).data();
        Map<Integer, Map<String, String>> out = new TreeMap<>();
        for (int r = 0; r < result.rows().size(); r++) {
            Row row = result.rows().get(r);
            Map<String, String> cells = new TreeMap<>();
            for (String column : columnsButId()) {
                int i = row.index(column);
                Object v = row.get(i);
                cells.put(column, row.isEmpty(i) && v == null ? "empty" : Canonical.render(types.get(column), v));
                if (checkBytes && v != null) {
                    assertThat(Codecs.of(types.get(column)).encodeToBuffer(v)).as("%s of row %s re-encoded", column, row.getInt("id"))
                            .isEqualTo(data.rawValue(r, i));
                }
            }
            out.put(row.getInt("id"), cells);
        }
        return out;
    }

    private static List<Integer> toList(Iterable<Integer> ids) {
        List<Integer> l = new ArrayList<>();
        ids.forEach(l::add);
        return l;
    }

    private List<String> columnsButId() {
        return types.keySet().stream().filter(c -> !c.equals("id")).collect(Collectors.toList());
    }

    /** "table TAB id TAB column TAB value" lines to table, id, column, value. */
    private static Map<String, Map<Integer, Map<String, String>>> parse(List<String> lines) {
        Map<String, Map<Integer, Map<String, String>>> out = new TreeMap<>();
        for (String line : lines) {
            String[] f = line.split("\t", 4);
            if (f.length != 4) throw new AssertionError("unexpected line from the Python client: " + line);
            out.computeIfAbsent(f[0], t -> new TreeMap<>()).computeIfAbsent(Integer.parseInt(f[1]), i -> new TreeMap<>())
                    .put(f[2], f[3]);
        }
        return out;
    }
}
