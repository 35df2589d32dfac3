package io.jsylla.internal.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsylla.ColumnSpec;
import io.jsylla.DataType;
import io.jsylla.QueryResult;
import io.jsylla.UdtValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rows to records: names, nested UDT records, collections of records, errors, and one mapping per shape. */
class RecordMappingTest {
    static final DataType ADDRESS = DataType.udt("ks", "address", true, List.of("street", "zip_code"),
            List.of(DataType.TEXT, DataType.INT));

    record Address(String street, Integer zipCode) {}

    record User(int id, String firstName, Address home, List<Address> history, Map<String, Set<Address>> byTag,
                Long score, Instant seen) {}

    record Narrow(int id, String firstName) {}

    record WrongType(int id, Integer firstName) {}

    record Missing(int id, String nickname) {}

    record PrimitiveScore(int id, long score) {}

    record BadAddress(String street, String zipCode) {}

    record NeedsBadAddress(BadAddress home) {}

    private static TestRows users() {
        return TestRows.columns("id", DataType.INT, "first_name", DataType.TEXT, "home", ADDRESS,
                "history", DataType.list(ADDRESS), "by_tag", DataType.map(DataType.TEXT, DataType.set(ADDRESS, true)),
                "score", DataType.BIGINT, "seen", DataType.TIMESTAMP);
    }

    private static UdtValue address(String street, Integer zip) {
        return UdtValue.builder(ADDRESS).set("street", street).set("zip_code", zip).build();
    }

    @Test
    void mapsByComponentNameWithNestedRecordsAndCollectionsOfThem() {
        UdtValue a = address("Main", 1000);
        UdtValue b = address("Side", null);
        User u = users().row(1, "Ada", a, List.of(a, b), Map.of("old", Set.of(b)), null, Instant.EPOCH).first().as(User.class);
        Address main = new Address("Main", 1000);
        Address side = new Address("Side", null);
        assertThat(u).isEqualTo(new User(1, "Ada", main, List.of(main, side), Map.of("old", Set.of(side)), null, Instant.EPOCH));
        assertThat(users().row(2, null, null, null, null, 5L, null).first().as(User.class))
                .isEqualTo(new User(2, null, null, null, null, 5L, null));
        assertThat(users().row(3, "x", a, List.of(), Map.of(), 1L, null).first().as(Narrow.class))
                .isEqualTo(new Narrow(3, "x"));
    }

    @Test
    void mappingIsBuiltOncePerRecordAndShape() {
        TestRows rows = users();
        for (int i = 0; i < 500; i++) rows.row(i, "n" + i, address("s", i), List.of(address("h", i)), Map.of(), (long) i, null);
        QueryResult result = rows.result();
        List<User> first = result.rowsAs(User.class);
        int builds = RecordMapper.BUILDS.get();
        assertThat(result.rowsAs(User.class)).isEqualTo(first).hasSize(500);
        for (var row : result) row.as(User.class);
        for (var row : rows.result()) row.as(User.class); // another page of the same shape
        assertThat(RecordMapper.BUILDS.get()).isEqualTo(builds);
        assertThat(first.get(499).history()).containsExactly(new Address("h", 499));
        List<ColumnSpec> sameShape = new ArrayList<>(result.columnSpecs());
        assertThat(RecordMapper.forRows(User.class, sameShape)).isSameAs(RecordMapper.forRows(User.class, result.columnSpecs()));
    }

    @Test
    void missingColumnsAndUnfitTypesFailBeforeAnyRow() {
        QueryResult none = users().result();
        assertThatThrownBy(() -> none.rowsAs(Missing.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Record Missing component 'nickname' matches no column; the columns are [id, first_name");
        assertThatThrownBy(() -> none.rowsAs(WrongType.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Record WrongType component 'firstName' (java.lang.Integer) cannot hold column 'first_name'"
                        + " of type text: text cannot be read as java.lang.Integer");
        QueryResult one = TestRows.columns("home", ADDRESS).row(address("a", 1)).result();
        assertThatThrownBy(() -> one.rowsAs(NeedsBadAddress.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("record BadAddress component 'zipCode' (java.lang.String) cannot hold field 'zip_code'")
                .hasMessageContaining("int cannot be read as java.lang.String");
        assertThatThrownBy(() -> one.rowsAs(String.class)).hasMessageContaining("java.lang.String is not a record");
        DataType other = DataType.udt("ks", "other", true, List.of("x"), List.of(DataType.INT));
        assertThatThrownBy(() -> TestRows.columns("home", other).row((Object) null).first().as(NeedsBadAddress.class))
                .hasMessageContaining("component 'street' matches no field of frozen<other>; its fields are [x]");
    }

    @Test
    void nullIntoAPrimitiveComponentNamesTheColumn() {
        var row = users().row(1, "a", null, null, null, null, null).first();
        assertThatThrownBy(() -> row.as(PrimitiveScore.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column 'score' is null but record PrimitiveScore component 'score' is a long;"
                        + " use its wrapper type to accept null");
    }

    @Test
    void aWriteResultMapsToNoRecords() {
        assertThat(TestRows.columns().result().rowsAs(Missing.class)).isEmpty();
    }

    @Test
    void listsOfRecordsThroughTheRowGetters() {
        var row = TestRows.columns("history", DataType.list(ADDRESS)).row(List.of(address("a", 1))).first();
        assertThat(row.getList("history", Address.class)).containsExactly(new Address("a", 1));
        assertThat(row.get("history", Object.class)).isEqualTo(List.of(address("a", 1)));
        assertThatThrownBy(() -> row.getList("history", BadAddress.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Column 'history' is list<frozen<address>>; it cannot be read as"
                        + " java.util.List<io.jsylla.internal.result.RecordMappingTest$BadAddress> (record BadAddress");
    }
}
