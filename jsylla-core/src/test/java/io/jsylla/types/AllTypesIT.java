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
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every CQL type through a real node: bound values read back equal, and bound values are stored
 * byte for byte as the server's own parsing of the same values as CQL literals.
 */
@ExtendWith(SharedCassandraNode.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllTypesIT {
    private static final String KS = "types_all";
    private Session session;
    private Map<String, DataType> types;

    @BeforeAll
    void connect(CassandraCluster node) {
        session = SessionBuilder.create().knownNode(node.contactPoint()).build();
        TypeSamples.createSchema(session, KS);
        types = TypeSamples.types(session, KS);
    }

    @AfterAll
    void close() {
        if (session != null) session.close();
    }

    @Test
    void everyTypeRoundTripsAndMatchesTheServersOwnEncoding() {
        Map<String, Object[]> typical = TypeSamples.typical(types);
        List<Object> values = new ArrayList<>(List.of(1));
        StringBuilder literals = new StringBuilder("2");
        for (Object[] v : typical.values()) {
            values.add(v[0]);
            literals.append(", ").append(v[1]);
        }
        List<String> columns = new ArrayList<>(List.of("id"));
        columns.addAll(typical.keySet());
        session.execute(TypeSamples.insert(KS, columns), values.toArray());
        session.execute("INSERT INTO " + KS + ".all_types (" + String.join(", ", columns) + ") VALUES (" + literals + ")");

        QueryResult result = session.execute("SELECT * FROM " + KS + ".all_types WHERE id IN (1, 2)");
        assertThat(result.rows()).hasSize(2);
        for (Row row : result) {
            for (Map.Entry<String, Object[]> c : typical.entrySet()) {
                assertThat(row.get(c.getKey())).as("%s of row %s", c.getKey(), row.getInt("id"))
                        .isEqualTo(TypeSamples.expectedRead(c.getKey(), c.getValue()[0]));
            }
        }
        var data = ((DefaultQueryResult) result).data();
        for (String column : typical.keySet()) {
            int i = result.rows().get(0).index(column);
            ByteBuffer bound = data.rawValue(0, i);
            assertThat(bound).as("bytes of %s, bound and literal", column).isEqualTo(data.rawValue(1, i));
            // And re-encoding what was read gives the bytes the server sent.
            Object read = result.rows().get(0).get(i);
            assertThat(Codecs.of(types.get(column)).encodeToBuffer(read)).as("re-encoded %s", column).isEqualTo(bound);
        }
    }

    @Test
    void edgeValuesRoundTrip() {
        int id = 100;
        for (Map<String, Object> row : TypeSamples.edges(types, false)) {
            Map<String, Object> withId = new LinkedHashMap<>();
            withId.put("id", ++id);
            withId.putAll(row);
            session.execute(TypeSamples.insert(KS, withId.keySet()), withId.values().toArray());
            Row read = session.execute("SELECT * FROM " + KS + ".all_types WHERE id = ?", id).firstRow().orElseThrow();
            for (String column : types.keySet()) {
                if (column.equals("id")) continue;
                Object expected = TypeSamples.expectedRead(column, row.get(column));
                assertThat(read.get(column)).as("%s of edge row %s", column, id).isEqualTo(expected);
                assertThat(read.isNull(column)).as("%s is null", column).isEqualTo(expected == null);
            }
        }
    }

    @Test
    void countersCount() {
        session.execute("UPDATE " + KS + ".counters SET c = c + ? WHERE id = ?", 5, 1);
        session.execute("UPDATE " + KS + ".counters SET c = c + ? WHERE id = ?", Long.MIN_VALUE + 10, 1);
        Row row = session.execute("SELECT c FROM " + KS + ".counters WHERE id = 1").firstRow().orElseThrow();
        assertThat(row.getLong("c")).isEqualTo(Long.MIN_VALUE + 15);
        assertThat(row.get("c")).isEqualTo(Long.MIN_VALUE + 15);
    }
}
