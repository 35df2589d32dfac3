package io.jsylla.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsylla.CqlDuration;
import io.jsylla.CqlVector;
import io.jsylla.DataType;
import io.jsylla.Row;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import io.jsylla.TupleValue;
import io.jsylla.UdtValue;
import io.jsylla.Unset;
import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.junit.SharedCassandraNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Conversions and rejections when binding, empty values, unset, and rows mapped onto records, on a real node. */
@ExtendWith(SharedCassandraNode.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BindingAndMappingIT {
    private static final String KS = "types_binding";
    private Session session;

    public record MyUdt(String name, Integer n, List<String> tags, Map<String, Double> scores) {}

    public record Outer(String label, MyUdt inner, Set<Integer> points) {}

    public record View(int id, String cText, Long cBigint, List<Integer> cList, MyUdt cUdt, Outer cOuter,
                       Map<String, List<MyUdt>> cNested, CqlVector<Float> cVector, float[] cVectorBig, Instant cTimestamp,
                       TupleValue cTuple, BigDecimal cDecimal) {}

    public record Nickname(int id, String nickname) {}

    public record TextAsNumber(int id, Integer cText) {}

    @BeforeAll
    void connect(CassandraCluster node) {
        session = SessionBuilder.create().knownNode(node.contactPoint()).build();
        TypeSamples.createSchema(session, KS);
    }

    @AfterAll
    void close() {
        if (session != null) session.close();
    }

    private Row insertAndRead(int id, String column, Object value) {
        session.execute("INSERT INTO " + KS + ".all_types (id, " + column + ") VALUES (?, ?)", id, value);
        return session.execute("SELECT * FROM " + KS + ".all_types WHERE id = ?", id).firstRow().orElseThrow();
    }

    @Test
    void conversionsUsersExpect() {
        assertThat(insertAndRead(1, "c_bigint", 5).get("c_bigint")).isEqualTo(5L);
        assertThat(insertAndRead(2, "c_int", (short) 7).get("c_int")).isEqualTo(7);
        assertThat(insertAndRead(3, "c_varint", 9L).get("c_varint")).isEqualTo(BigInteger.valueOf(9));
        assertThat(insertAndRead(4, "c_decimal", 0.1f).get("c_decimal")).isEqualTo(new BigDecimal("0.1"));
        assertThat(insertAndRead(5, "c_blob", new byte[] {1, 2}).get("c_blob")).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2}));
        assertThat(insertAndRead(6, "c_vector", new float[] {1, 2, 3}).get("c_vector")).isEqualTo(CqlVector.ofFloats(1, 2, 3));
        assertThat(insertAndRead(7, "c_vector", List.of(1f, 2f, 3f)).getCqlVector("c_vector", Float.class))
                .isEqualTo(CqlVector.ofFloats(1, 2, 3));
        assertThat(insertAndRead(8, "c_vector", List.of(0.5, 1.0, 2.0)).get("c_vector", float[].class)).containsExactly(0.5f, 1f, 2f);
        Instant t = Instant.parse("2024-02-29T12:00:00.123Z");
        assertThat(insertAndRead(9, "c_timestamp", Date.from(t)).getInstant("c_timestamp")).isEqualTo(t);
        assertThat(insertAndRead(10, "c_timestamp", OffsetDateTime.ofInstant(t, ZoneOffset.ofHours(-5))).getInstant("c_timestamp")).isEqualTo(t);
        assertThat(insertAndRead(11, "c_timestamp", ZonedDateTime.ofInstant(t, ZoneId.of("Asia/Tokyo"))).get("c_timestamp", Date.class))
                .isEqualTo(Date.from(t));
        assertThat(insertAndRead(12, "c_duration", Duration.ofMillis(-1500)).getCqlDuration("c_duration"))
                .isEqualTo(CqlDuration.of(0, 0, -1_500_000_000L));
        assertThat(insertAndRead(13, "c_text", 'x').getString("c_text")).isEqualTo("x");
        assertThat(insertAndRead(14, "c_tuple", List.of(1, "a", List.of(2.5))).getTupleValue("c_tuple").values())
                .containsExactly(1, "a", List.of(2.5));
    }

    @Test
    void mapsAndRecordsBindToUdtsAsTheServerDefinesThem() {
        Row fromMap = insertAndRead(20, "c_udt", Map.of("name", "m", "tags", List.of("t")));
        UdtValue udt = fromMap.getUdtValue("c_udt");
        assertThat(udt.fields()).containsExactly(entry("name", "m"), entry("n", null), entry("tags", List.of("t")),
                entry("scores", null));
        assertThat(udt.type().fieldNames()).containsExactly("name", "n", "tags", "scores");
        MyUdt ada = new MyUdt("Ada", 36, List.of("math"), Map.of("x", 1.5));
        Row fromRecord = insertAndRead(21, "c_udt_plain", ada);
        assertThat(fromRecord.get("c_udt_plain", MyUdt.class)).isEqualTo(ada);
        Outer outer = new Outer("o", ada, Set.of(1, 2));
        assertThat(insertAndRead(22, "c_outer", outer).get("c_outer", Outer.class)).isEqualTo(outer);
        Map<String, List<MyUdt>> nested = Map.of("team", List.of(ada, new MyUdt("Bob", null, List.of(), null)));
        Row nestedRow = insertAndRead(23, "c_nested", nested);
        assertThat(nestedRow.getMap("c_nested", String.class, List.class)).containsOnlyKeys("team");
        assertThat(nestedRow.as(View.class).cNested()).isEqualTo(nested);
        assertThatThrownBy(() -> insertAndRead(24, "c_udt", Map.of("nickname", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'c_udt'").hasMessageContaining("has no field 'nickname' (fields: name, n, tags, scores)");
        assertThatThrownBy(() -> insertAndRead(25, "c_udt", new Nickname(1, "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'c_udt'").hasMessageContaining("component 'id' matches no field");
    }

    private static <K, V> Map.Entry<K, V> entry(K k, V v) {
        return new java.util.AbstractMap.SimpleImmutableEntry<>(k, v);
    }

    @Test
    void clearRejectionsBeforeAnythingIsSent() {
        assertThatThrownBy(() -> insertAndRead(30, "c_int", "12")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'c_int' (int)").hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> insertAndRead(31, "c_smallint", 70_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'c_smallint' (smallint)").hasMessageContaining("java.lang.Integer")
                .hasMessageContaining("70000 out of range for smallint");
        assertThatThrownBy(() -> insertAndRead(32, "c_vector", new float[] {1, 2})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'c_vector' (vector<float, 3>)").hasMessageContaining("needs 3 elements, got 2");
        assertThatThrownBy(() -> insertAndRead(33, "c_timestamp", LocalDateTime.now())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'c_timestamp' (timestamp)").hasMessageContaining("no time zone");
        assertThatThrownBy(() -> insertAndRead(34, "c_timeuuid", UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'c_timeuuid' (timeuuid)").hasMessageContaining("not a version 1 UUID");
        assertThatThrownBy(() -> insertAndRead(35, "c_ascii", "é")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'c_ascii' (ascii)").hasMessageContaining("non-ASCII");
        assertThatThrownBy(() -> insertAndRead(36, "c_list", List.of("a"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'c_list' (list<int>)").hasMessageContaining("cannot bind java.lang.String to int");
        assertThat(session.execute("SELECT id FROM " + KS + ".all_types WHERE id IN (30, 31, 32, 33, 34, 35, 36)").rows()).isEmpty();
    }

    @Test
    void anEmptyValueIsNotNull() {
        session.execute("INSERT INTO " + KS + ".all_types (id, c_int, c_timestamp, c_boolean, c_uuid, c_double, c_text, c_blob)"
                + " VALUES (40, blobAsInt(0x), blobAsTimestamp(0x), blobAsBoolean(0x), blobAsUuid(0x), blobAsDouble(0x), '', 0x)");
        Row row = session.execute("SELECT * FROM " + KS + ".all_types WHERE id = 40").firstRow().orElseThrow();
        for (String c : List.of("c_int", "c_timestamp", "c_boolean", "c_uuid", "c_double")) {
            assertThat(row.isEmpty(c)).as("%s is empty", c).isTrue();
            assertThat(row.isNull(c)).as("%s is null", c).isFalse();
            assertThat(row.get(c)).as("%s value", c).isNull();
        }
        assertThat(row.getInt("c_int")).isZero();
        assertThat(row.getBoolean("c_boolean")).isFalse();
        assertThat(row.getString("c_text")).isEmpty();
        assertThat(row.isEmpty("c_text")).isTrue();
        assertThat(row.getBytes("c_blob").remaining()).isZero();
        assertThat(row.isNull("c_bigint")).isTrue();
        assertThat(row.isEmpty("c_bigint")).isFalse();
        Row asBlob = session.execute("SELECT intAsBlob(c_int) AS b FROM " + KS + ".all_types WHERE id = 40").firstRow().orElseThrow();
        assertThat(asBlob.getBytes("b").remaining()).isZero();
    }

    @Test
    void unsetLeavesAColumnAsItIsAndNullClearsIt() {
        session.execute("INSERT INTO " + KS + ".all_types (id, c_int, c_text) VALUES (?, ?, ?)", 50, 1, "a");
        session.execute("INSERT INTO " + KS + ".all_types (id, c_int, c_text) VALUES (?, ?, ?)", 50, Unset.VALUE, null);
        Row row = session.execute("SELECT * FROM " + KS + ".all_types WHERE id = 50").firstRow().orElseThrow();
        assertThat(row.getInt("c_int")).isEqualTo(1);
        assertThat(row.isNull("c_text")).isTrue();
    }

    @Test
    void rowsMapOntoRecords() {
        Map<String, DataType> types = TypeSamples.types(session, KS);
        Map<String, Object[]> typical = TypeSamples.typical(types);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", 60);
        typical.forEach((column, v) -> values.put(column, v[0]));
        session.execute(TypeSamples.insert(KS, values.keySet()), values.values().toArray());
        List<View> views = session.execute("SELECT * FROM " + KS + ".all_types WHERE id = 60").rowsAs(View.class);
        assertThat(views).hasSize(1);
        View v = views.get(0);
        MyUdt ada = new MyUdt("Ada", 36, List.of("math", "poetry"), Map.of("x", 1.5));
        assertThat(v.id()).isEqualTo(60);
        assertThat(v.cText()).isEqualTo(values.get("c_text"));
        assertThat(v.cBigint()).isEqualTo(values.get("c_bigint"));
        assertThat(v.cList()).isEqualTo(values.get("c_list"));
        assertThat(v.cUdt()).isEqualTo(ada);
        assertThat(v.cOuter()).isEqualTo(new Outer("L", ada, Set.of(7)));
        assertThat(v.cNested()).isEqualTo(Map.of("team", List.of(ada, new MyUdt("Bob", null, List.of(), null)), "none", List.of()));
        assertThat(v.cVector()).isEqualTo(values.get("c_vector"));
        assertThat(v.cVectorBig()).hasSize(1000).startsWith(-100f, -99.5f);
        assertThat(v.cTimestamp()).isEqualTo(values.get("c_timestamp"));
        assertThat(v.cTuple()).isEqualTo(values.get("c_tuple"));
        assertThat(v.cDecimal()).isEqualTo(values.get("c_decimal"));
        var result = session.execute("SELECT * FROM " + KS + ".all_types WHERE id = 60");
        assertThatThrownBy(() -> result.rowsAs(Nickname.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("component 'nickname' matches no column");
        assertThatThrownBy(() -> result.rowsAs(TextAsNumber.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("component 'cText' (java.lang.Integer) cannot hold column 'c_text' of type text");
    }
}
