package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.jsylla.TupleValue;
import io.jsylla.UdtValue;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.jsylla.internal.codec.CodecTesting.assertRejected;
import static io.jsylla.internal.codec.CodecTesting.decodeHex;
import static io.jsylla.internal.codec.CodecTesting.encodeHex;
import static io.jsylla.internal.codec.CodecTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

class TupleUdtCodecTest {

    static final DataType TUPLE = DataType.tuple(DataType.INT, DataType.TEXT);
    static final DataType ADDRESS = DataType.udt("ks", "address", true, List.of("street", "zip"),
            List.of(DataType.TEXT, DataType.INT));
    static final DataType PERSON = DataType.udt("ks", "person", true, List.of("first_name", "age", "home", "zipcode"),
            List.of(DataType.TEXT, DataType.INT, ADDRESS, DataType.INT));

    record Address(String street, int zip) {
    }

    record Person(String firstName, Integer age, Address home, int zipCode) {
    }

    record Unmatched(String firstName, String nickName) {
    }

    record Exact(String first_name) {
    }

    @Test
    void tupleByteVectors() {
        assertThat(encodeHex(TUPLE, TupleValue.of(TUPLE, 1, "a"))).isEqualTo("00000004 00000001 00000001 61".replace(" ", ""));
        assertThat(encodeHex(TUPLE, Arrays.asList(1, null))).isEqualTo("0000000400000001ffffffff");
        TupleValue decoded = (TupleValue) decodeHex(TUPLE, "00000004 00000001 00000001 61");
        assertThat(decoded.values()).containsExactly(1, "a");
        assertThat(decoded.type()).isEqualTo(TUPLE);
    }

    @Test
    void tupleMissingTrailingComponentsAreNull() {
        TupleValue decoded = (TupleValue) decodeHex(TUPLE, "00000004 00000007");
        assertThat(decoded.values()).containsExactly(7, null);
        assertThat(((TupleValue) decodeHex(TUPLE, "")).values()).containsExactly(null, null);
    }

    @Test
    void tupleConversions() {
        assertThat(roundTrip(TUPLE, List.of(5L, "x"))).isEqualTo(TupleValue.of(TUPLE, 5, "x"));
        DataType nested = DataType.tuple(DataType.list(DataType.INT, true), TUPLE);
        TupleValue value = TupleValue.of(nested, List.of(1, 2), TupleValue.of(TUPLE, 3, "c"));
        assertThat(roundTrip(nested, value)).isEqualTo(value);
        assertThat(roundTrip(nested, List.of(List.of(), List.of(4, "d")))).isEqualTo(TupleValue.of(nested, List.of(), List.of(4, "d")));
        assertRejected(TUPLE, List.of(1), "java.util", "1 components", "tuple<int, text>", "has 2");
        assertRejected(TUPLE, TupleValue.of(DataType.tuple(DataType.INT), 1), "io.jsylla.TupleValue", "tuple<int, text>");
        assertRejected(TUPLE, List.of("a", "b"), "cannot bind java.lang.String to int");
        assertRejected(TUPLE, "(1, 'a')", "cannot bind java.lang.String to tuple<int, text>");
    }

    @Test
    void udtByteVectorsAndMissingTrailingField() {
        UdtValue full = UdtValue.builder(ADDRESS).set("street", "a").set("zip", 1).build();
        assertThat(encodeHex(ADDRESS, full)).isEqualTo("0000000161" + "0000000400000001");
        UdtValue partial = (UdtValue) decodeHex(ADDRESS, "00000001 61");
        assertThat(partial.fields()).containsExactly(Map.entry("street", "a"), entry("zip", null));
        assertThat(partial.get("zip")).isNull();
        UdtValue withNull = (UdtValue) decodeHex(ADDRESS, "ffffffff 00000004 00000002");
        assertThat(withNull.get("street")).isNull();
        assertThat(withNull.get("zip")).isEqualTo(2);
        // A field added by ALTER TYPE after the type was described: ignored.
        assertThat(decodeHex(ADDRESS, "00000001 61 00000004 00000001 00000001 62")).isEqualTo(full);
    }

    private static Map.Entry<String, Object> entry(String k, Object v) {
        Map<String, Object> m = new HashMap<>();
        m.put(k, v);
        return m.entrySet().iterator().next();
    }

    @Test
    void udtFromMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("zip", 9L);
        assertThat(encodeHex(ADDRESS, map)).isEqualTo("ffffffff0000000400000009");
        map.put("city", "x");
        assertRejected(ADDRESS, map, "has no field 'city'", "address", "street, zip");
        assertRejected(ADDRESS, Map.of("zip", "x"), "cannot bind java.lang.String to int");
        assertRejected(ADDRESS, List.of("a", 1), "cannot bind java.util", "to frozen<address>");
    }

    @Test
    void udtFromRecordMatchesCamelCaseToSnakeCase() {
        Person p = new Person("Ann", 33, new Address("Main St", 12345), 75001);
        UdtValue decoded = (UdtValue) roundTrip(PERSON, p);
        assertThat(decoded.get("first_name")).isEqualTo("Ann");
        assertThat(decoded.get("age")).isEqualTo(33);
        assertThat(decoded.get("zipcode")).isEqualTo(75001); // CQL folds unquoted zipCode to zipcode
        UdtValue home = decoded.get("home", UdtValue.class);
        assertThat(home.fields()).containsExactly(Map.entry("street", "Main St"), Map.entry("zip", 12345));
        assertThat(roundTrip(PERSON, new Person(null, null, null, 0)).toString())
                .isEqualTo("{first_name: null, age: null, home: null, zipcode: 0}");
        assertThat(((UdtValue) roundTrip(PERSON, new Exact("Bob"))).get("first_name")).isEqualTo("Bob");
        assertRejected(PERSON, new Unmatched("a", "b"), "component 'nickName'", "matches no field", "person",
                Unmatched.class.getName());
    }

    @Test
    void snakeCase() {
        assertThat(RecordFields.snakeCase("firstName")).isEqualTo("first_name");
        assertThat(RecordFields.snakeCase("userID")).isEqualTo("user_id");
        assertThat(RecordFields.snakeCase("zip2Code")).isEqualTo("zip2_code");
        assertThat(RecordFields.snakeCase("already_snake")).isEqualTo("already_snake");
        assertThat(RecordFields.snakeCase("URL")).isEqualTo("url");
    }

    @Test
    void udtValueOfAnotherTypeBindsByFieldName() {
        DataType other = DataType.udt("ks2", "addr", false, List.of("zip"), List.of(DataType.BIGINT));
        UdtValue v = UdtValue.builder(other).set("zip", 4L).build();
        assertThat(encodeHex(ADDRESS, v)).isEqualTo("ffffffff0000000400000004");
        DataType extra = DataType.udt("ks", "x", false, List.of("zip", "planet"), List.of(DataType.INT, DataType.TEXT));
        assertRejected(ADDRESS, UdtValue.builder(extra).build(), "has no field 'planet'");
    }
}
