package io.jsylla.types;

import io.jsylla.ColumnSpec;
import io.jsylla.CqlDuration;
import io.jsylla.CqlVector;
import io.jsylla.DataType;
import io.jsylla.Session;
import io.jsylla.TupleValue;
import io.jsylla.UdtValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A table with a column of every CQL type (the same for every integration test of this package
 * and for the Python client), and rows of typical and edge values for it.
 */
final class TypeSamples {
    /** Column name to CQL type, id first. */
    static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        String[] pairs = {
            "id", "int PRIMARY KEY", "c_ascii", "ascii", "c_bigint", "bigint", "c_blob", "blob", "c_boolean", "boolean",
            "c_date", "date", "c_decimal", "decimal", "c_double", "double", "c_duration", "duration", "c_float", "float",
            "c_inet", "inet", "c_int", "int", "c_smallint", "smallint", "c_text", "text", "c_varchar", "varchar",
            "c_time", "time", "c_timestamp", "timestamp", "c_timeuuid", "timeuuid", "c_tinyint", "tinyint",
            "c_uuid", "uuid", "c_varint", "varint", "c_list", "list<int>", "c_set", "set<text>",
            "c_map", "map<text, bigint>", "c_frozen", "frozen<list<frozen<set<int>>>>",
            "c_tuple", "tuple<int, text, frozen<list<double>>>", "c_udt", "frozen<my_udt>", "c_udt_plain", "my_udt",
            "c_outer", "frozen<outer_udt>", "c_nested", "map<text, frozen<list<frozen<my_udt>>>>",
            "c_vector", "vector<float, 3>", "c_vector_text", "vector<text, 2>", "c_vector_bigint", "vector<bigint, 2>",
            "c_vector_smallint", "vector<smallint, 2>", "c_vector_list", "vector<frozen<list<int>>, 2>",
            "c_vector_big", "vector<float, 1000>", "c_custom", "'org.apache.cassandra.db.marshal.LexicalUUIDType'",
        };
        for (int i = 0; i < pairs.length; i += 2) COLUMNS.put(pairs[i], pairs[i + 1]);
    }

    private TypeSamples() {}

    /** Creates (if needed) the keyspace, the two UDTs, the table of every type and a counter table. */
    static void createSchema(Session s, String keyspace) {
        s.execute("CREATE KEYSPACE IF NOT EXISTS " + keyspace
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        s.execute("CREATE TYPE IF NOT EXISTS " + keyspace
                + ".my_udt (name text, n int, tags frozen<list<text>>, scores frozen<map<text, double>>)");
        s.execute("CREATE TYPE IF NOT EXISTS " + keyspace
                + ".outer_udt (label text, inner frozen<my_udt>, points frozen<set<int>>)");
        StringBuilder ddl = new StringBuilder("CREATE TABLE IF NOT EXISTS " + keyspace + ".all_types (");
        String sep = "";
        for (Map.Entry<String, String> c : COLUMNS.entrySet()) {
            ddl.append(sep).append(c.getKey()).append(' ').append(c.getValue());
            sep = ", ";
        }
        s.execute(ddl.append(')').toString());
        s.execute("CREATE TABLE IF NOT EXISTS " + keyspace + ".counters (id int PRIMARY KEY, c counter)");
        s.awaitSchemaAgreement();
    }

    /** The table's column types as the server reports them (UDTs with their field definitions). */
    static Map<String, DataType> types(Session s, String keyspace) {
        Map<String, DataType> types = new LinkedHashMap<>();
        for (ColumnSpec c : s.prepare("SELECT * FROM " + keyspace + ".all_types").getResultColumns()) {
            types.put(c.name(), c.type());
        }
        return types;
    }

    /** An INSERT of the given columns, with bind markers. */
    static String insert(String keyspace, Iterable<String> columns) {
        List<String> names = new ArrayList<>();
        columns.forEach(names::add);
        return "INSERT INTO " + keyspace + ".all_types (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")";
    }

    /** Every column of a typical row (id excluded), with the CQL literal the server would parse to it. */
    static Map<String, Object[]> typical(Map<String, DataType> types) {
        DataType udt = types.get("c_udt");
        DataType outer = types.get("c_outer");
        UdtValue ada = UdtValue.builder(udt).set("name", "Ada").set("n", 36).set("tags", List.of("math", "poetry"))
                .set("scores", Map.of("x", 1.5)).build();
        UdtValue bob = UdtValue.builder(udt).set("name", "Bob").set("tags", List.of()).build();
        Map<String, Object[]> m = new LinkedHashMap<>();
        m.put("c_ascii", v("plain ASCII ~!", "'plain ASCII ~!'"));
        m.put("c_bigint", v(-9_007_199_254_740_993L, "-9007199254740993"));
        m.put("c_blob", v(bytes("cafe00ff"), "0xcafe00ff"));
        m.put("c_boolean", v(true, "true"));
        m.put("c_date", v(LocalDate.of(1582, 10, 15), "'1582-10-15'"));
        m.put("c_decimal", v(new BigDecimal("-12345678901234567890.1234567890"), "-12345678901234567890.1234567890"));
        m.put("c_double", v(-1.0E-300, "-1.0E-300"));
        m.put("c_duration", v(CqlDuration.of(-14, -3, -14_706_007_008_009L), "-1y2mo3d4h5m6s7ms8us9ns"));
        m.put("c_float", v(3.25f, "3.25"));
        m.put("c_inet", v(inet("2001:db8::ff00:42:8329"), "'2001:db8::ff00:42:8329'"));
        m.put("c_int", v(2_147_483_647, "2147483647"));
        m.put("c_smallint", v((short) -32768, "-32768"));
        m.put("c_text", v("Grüße 🚀 'quoted' \u0000\n", "'Grüße 🚀 ''quoted'' \u0000\n'"));
        m.put("c_varchar", v("", "''"));
        m.put("c_time", v(LocalTime.of(23, 59, 59, 999_999_999), "'23:59:59.999999999'"));
        Instant moonWalk = Instant.parse("1969-07-20T20:17:40.123Z");
        m.put("c_timestamp", v(moonWalk, Long.toString(moonWalk.toEpochMilli())));
        m.put("c_timeuuid", v(UUID.fromString("8b9a3b7a-1e1b-11ef-9e4b-0242ac120002"), "8b9a3b7a-1e1b-11ef-9e4b-0242ac120002"));
        m.put("c_tinyint", v((byte) -128, "-128"));
        m.put("c_uuid", v(UUID.fromString("0b2c3d4e-5f60-4172-8394-a5b6c7d8e9f0"), "0b2c3d4e-5f60-4172-8394-a5b6c7d8e9f0"));
        m.put("c_varint", v(BigInteger.TEN.pow(50).add(BigInteger.ONE), "1" + "0".repeat(49) + "1"));
        m.put("c_list", v(List.of(3, 1, 2, 1), "[3, 1, 2, 1]"));
        m.put("c_set", v(new LinkedHashSet<>(List.of("a", "b", "c")), "{'b', 'a', 'c'}"));
        m.put("c_map", v(map("x", 1L, "y", -2L), "{'y': -2, 'x': 1}"));
        m.put("c_frozen", v(List.of(new LinkedHashSet<>(List.of(1, 2)), new LinkedHashSet<>()), "[{2, 1}, {}]"));
        m.put("c_tuple", v(TupleValue.of(types.get("c_tuple"), 1, null, List.of(1.5, -2.0)), "(1, null, [1.5, -2.0])"));
        m.put("c_udt", v(ada, "{name: 'Ada', n: 36, tags: ['math', 'poetry'], scores: {'x': 1.5}}"));
        m.put("c_udt_plain", v(bob, "{name: 'Bob', tags: []}"));
        m.put("c_outer", v(UdtValue.builder(outer).set("label", "L").set("inner", ada).set("points", List.of(7)).build(),
                "{label: 'L', inner: {name: 'Ada', n: 36, tags: ['math', 'poetry'], scores: {'x': 1.5}}, points: {7}}"));
        m.put("c_nested", v(map("team", List.of(ada, bob), "none", List.of()),
                "{'team': [{name: 'Ada', n: 36, tags: ['math', 'poetry'], scores: {'x': 1.5}}, {name: 'Bob', tags: []}],"
                        + " 'none': []}"));
        m.put("c_vector", v(CqlVector.ofFloats(0.1f, -2.5f, 3e38f), "[0.1, -2.5, 3e38]"));
        m.put("c_vector_text", v(CqlVector.of(List.of("", "vector ü")), "['', 'vector ü']"));
        m.put("c_vector_bigint", v(CqlVector.of(List.of(Long.MIN_VALUE, 0L)), "[-9223372036854775808, 0]"));
        m.put("c_vector_smallint", v(CqlVector.of(List.of((short) 1, (short) -2)), "[1, -2]"));
        m.put("c_vector_list", v(CqlVector.of(List.of(List.of(1), List.of())), "[[1], []]"));
        float[] big = new float[1000];
        StringBuilder bigLiteral = new StringBuilder("[");
        for (int i = 0; i < big.length; i++) {
            big[i] = i * 0.5f - 100f;
            bigLiteral.append(i == 0 ? "" : ", ").append(big[i]);
        }
        m.put("c_vector_big", v(CqlVector.ofFloats(big), bigLiteral.append(']').toString()));
        m.put("c_custom", v(bytes("0123456789abcdef0123456789abcdef"), "0x0123456789abcdef0123456789abcdef"));
        return m;
    }

    /**
     * Rows of edge values, id excluded. With pythonReadable, timestamps stay within what a Python
     * datetime holds (years 1 to 9999), since the Python client cannot read others.
     */
    static List<Map<String, Object>> edges(Map<String, DataType> types, boolean pythonReadable) {
        DataType udt = types.get("c_udt");
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> low = new LinkedHashMap<>();
        low.put("c_ascii", "");
        low.put("c_bigint", Long.MIN_VALUE);
        low.put("c_blob", ByteBuffer.allocate(0));
        low.put("c_boolean", false);
        low.put("c_date", LocalDate.ofEpochDay(Integer.MIN_VALUE));
        low.put("c_decimal", new BigDecimal(BigInteger.TEN.pow(300).negate(), 400));
        low.put("c_double", Double.NEGATIVE_INFINITY);
        low.put("c_duration", CqlDuration.of(Integer.MIN_VALUE, -1, Long.MIN_VALUE));
        low.put("c_float", Float.NEGATIVE_INFINITY);
        low.put("c_inet", inet("0.0.0.0"));
        low.put("c_int", Integer.MIN_VALUE);
        low.put("c_smallint", Short.MIN_VALUE);
        low.put("c_text", "");
        low.put("c_time", LocalTime.MIDNIGHT);
        low.put("c_timestamp", pythonReadable ? Instant.parse("0001-01-01T00:00:00Z") : Instant.ofEpochMilli(Long.MIN_VALUE));
        low.put("c_tinyint", Byte.MIN_VALUE);
        low.put("c_uuid", new UUID(0, 0));
        low.put("c_varint", BigInteger.TEN.pow(400).negate());
        low.put("c_frozen", List.of());
        low.put("c_tuple", TupleValue.of(types.get("c_tuple"), null, null, null));
        low.put("c_udt", UdtValue.builder(udt).build());
        low.put("c_vector", CqlVector.ofFloats(-0.0f, Float.MIN_VALUE, -Float.MAX_VALUE));
        low.put("c_vector_smallint", CqlVector.of(List.of(Short.MIN_VALUE, (short) 0)));
        rows.add(low);
        Map<String, Object> high = new LinkedHashMap<>();
        high.put("c_ascii", "\u0000\u007f");
        high.put("c_bigint", Long.MAX_VALUE);
        high.put("c_date", LocalDate.ofEpochDay(Integer.MAX_VALUE));
        high.put("c_decimal", new BigDecimal(BigInteger.TEN.pow(300).add(BigInteger.ONE), -400));
        high.put("c_double", Double.NaN);
        high.put("c_duration", CqlDuration.of(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE));
        high.put("c_float", Float.NaN);
        high.put("c_inet", inet6("0000:0000:0000:0000:0000:ffff:0102:0304"));
        high.put("c_int", Integer.MAX_VALUE);
        high.put("c_smallint", Short.MAX_VALUE);
        high.put("c_text", "日本語 \uD83D\uDE80 \u00e9\u0301 \t \\ \"");
        high.put("c_time", LocalTime.MAX);
        high.put("c_timestamp", pythonReadable ? Instant.parse("9999-12-31T23:59:59.999Z") : Instant.ofEpochMilli(Long.MAX_VALUE));
        high.put("c_timeuuid", UUID.fromString("ffffffff-ffff-1fff-bfff-ffffffffffff"));
        high.put("c_tinyint", Byte.MAX_VALUE);
        high.put("c_uuid", new UUID(-1, -1));
        high.put("c_varint", BigInteger.TEN.pow(400));
        high.put("c_list", List.of(Integer.MIN_VALUE, Integer.MAX_VALUE));
        high.put("c_map", map("", Long.MIN_VALUE));
        high.put("c_vector", CqlVector.ofFloats(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY));
        high.put("c_vector_text", CqlVector.of(List.of("\uD83D\uDE80".repeat(100), "")));
        // The Python client reads an empty value of a type it does not know as None.
        if (!pythonReadable) high.put("c_custom", ByteBuffer.allocate(0));
        rows.add(high);
        Map<String, Object> moreDates = new LinkedHashMap<>();
        moreDates.put("c_date", LocalDate.of(-4712, 1, 1));
        moreDates.put("c_timestamp", pythonReadable ? Instant.parse("1900-02-28T12:34:56.789Z") : Instant.parse("+10000-01-01T00:00:00Z"));
        moreDates.put("c_inet", inet("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
        moreDates.put("c_duration", CqlDuration.of(0, 0, -1));
        moreDates.put("c_decimal", new BigDecimal("0.000"));
        rows.add(moreDates);
        rows.add(new LinkedHashMap<>()); // every column null
        return rows;
    }

    /**
     * What reading back a written value gives: the server stores an empty non-frozen collection as
     * no value at all, so it reads back as null.
     */
    static Object expectedRead(String column, Object written) {
        boolean unfrozenCollection = column.equals("c_list") || column.equals("c_set") || column.equals("c_map")
                || column.equals("c_nested");
        if (unfrozenCollection && written instanceof java.util.Collection<?> c && c.isEmpty()) return null;
        if (unfrozenCollection && written instanceof Map<?, ?> mm && mm.isEmpty()) return null;
        return written;
    }

    private static Object[] v(Object value, String literal) {
        return new Object[] {value, literal};
    }

    static ByteBuffer bytes(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }

    static Map<Object, Object> map(Object... keyValues) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put(keyValues[i], keyValues[i + 1]);
        return m;
    }

    static InetAddress inet(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Sixteen bytes even when IPv4-mapped (InetAddress.getByName would shorten those to four). */
    static InetAddress inet6(String full) {
        try {
            return Inet6Address.getByAddress(null, HexFormat.of().parseHex(full.replace(":", "")), -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
