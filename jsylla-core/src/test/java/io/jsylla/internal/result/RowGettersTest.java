package io.jsylla.internal.result;

import static io.jsylla.internal.result.TestRows.EMPTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsylla.CqlDuration;
import io.jsylla.CqlVector;
import io.jsylla.DataType;
import io.jsylla.Row;
import io.jsylla.TupleValue;
import io.jsylla.UdtValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Typed getters, lossless conversions, clear errors, and null versus empty cells. */
class RowGettersTest {
    private static final DataType UDT = DataType.udt("ks", "addr", true, List.of("street", "zip"),
            List.of(DataType.TEXT, DataType.INT));
    private static final DataType TUPLE = DataType.tuple(DataType.INT, DataType.TEXT);

    @Test
    void everyTypeByNameAndIndex() throws Exception {
        UUID uuid = UUID.randomUUID();
        UUID timeuuid = UUID.fromString("8b9a3b7a-1e1b-11ef-9e4b-0242ac120002");
        InetAddress inet = InetAddress.getByName("2001:db8::1");
        UdtValue addr = UdtValue.builder(UDT).set("street", "Main").set("zip", 1234).build();
        Row row = TestRows.columns("a", DataType.ASCII, "b", DataType.BIGINT, "blob", DataType.BLOB,
                        "bool", DataType.BOOLEAN, "c", DataType.COUNTER, "d", DataType.DATE, "dec", DataType.DECIMAL,
                        "dbl", DataType.DOUBLE, "dur", DataType.DURATION, "f", DataType.FLOAT, "inet", DataType.INET,
                        "i", DataType.INT, "si", DataType.SMALLINT, "t", DataType.TEXT, "tm", DataType.TIME,
                        "ts", DataType.TIMESTAMP, "tu", DataType.TIMEUUID, "ti", DataType.TINYINT, "u", DataType.UUID,
                        "vi", DataType.VARINT, "udt", UDT, "tup", TUPLE, "vec", DataType.vector(DataType.FLOAT, 2),
                        "cust", DataType.custom("x.Y"))
                .row("ab", 5L, new byte[] {1, 2}, true, 7L, LocalDate.of(1, 1, 1), new BigDecimal("1.50"), 2.5,
                        CqlDuration.of(1, 2, 3), 1.5f, inet, 42, (short) -3, "tëxt", LocalTime.NOON,
                        Instant.parse("1900-01-01T00:00:00.123Z"), timeuuid, (byte) 9, uuid, BigInteger.TEN.pow(30),
                        addr, TupleValue.of(TUPLE, 1, "x"), new float[] {1f, 2f}, new byte[] {3})
                .first();
        assertThat(row.getString("a")).isEqualTo("ab");
        assertThat(row.getLong("b")).isEqualTo(5L);
        assertThat(row.getBytes("blob")).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2}));
        assertThat(row.get("blob", byte[].class)).containsExactly(1, 2);
        assertThat(row.getBoolean("bool")).isTrue();
        assertThat(row.getLong("c")).isEqualTo(7L);
        assertThat(row.getLocalDate("d")).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(row.getBigDecimal("dec")).isEqualTo(new BigDecimal("1.50"));
        assertThat(row.getDouble("dbl")).isEqualTo(2.5);
        assertThat(row.getCqlDuration("dur")).isEqualTo(CqlDuration.of(1, 2, 3));
        assertThat(row.getFloat("f")).isEqualTo(1.5f);
        assertThat(row.getInetAddress("inet")).isEqualTo(inet);
        assertThat(row.getInt("i")).isEqualTo(42);
        assertThat(row.getShort("si")).isEqualTo((short) -3);
        assertThat(row.getString("t")).isEqualTo("tëxt");
        assertThat(row.getLocalTime("tm")).isEqualTo(LocalTime.NOON);
        assertThat(row.getInstant("ts")).isEqualTo(Instant.parse("1900-01-01T00:00:00.123Z"));
        assertThat(row.get("ts", Date.class)).isEqualTo(Date.from(Instant.parse("1900-01-01T00:00:00.123Z")));
        assertThat(row.getUuid("tu")).isEqualTo(timeuuid);
        assertThat(row.getByte("ti")).isEqualTo((byte) 9);
        assertThat(row.getUuid("u")).isEqualTo(uuid);
        assertThat(row.getBigInteger("vi")).isEqualTo(BigInteger.TEN.pow(30));
        assertThat(row.getUdtValue("udt")).isEqualTo(addr);
        assertThat(row.getTupleValue("tup")).isEqualTo(TupleValue.of(TUPLE, 1, "x"));
        assertThat(row.getCqlVector("vec")).isEqualTo(CqlVector.ofFloats(1f, 2f));
        assertThat(row.getCqlVector("vec", Float.class).get(1)).isEqualTo(2f);
        assertThat(row.get("vec", float[].class)).containsExactly(1f, 2f);
        assertThat(row.getBytes("cust")).isEqualTo(ByteBuffer.wrap(new byte[] {3}));
        // The same by index, through the same code paths.
        assertThat(row.getString(0)).isEqualTo("ab");
        assertThat(row.getLocalDate(5)).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(row.getFloat(9)).isEqualTo(1.5f);
        assertThat(row.getShort(12)).isEqualTo((short) -3);
        assertThat(row.getByte(17)).isEqualTo((byte) 9);
        assertThat(row.getUdtValue(20)).isEqualTo(addr);
        assertThat(row.getCqlVector(22, Float.class)).isEqualTo(CqlVector.ofFloats(1f, 2f));
        assertThat(row.columns()).hasSize(24).containsEntry("i", 42);
    }

    @Test
    void losslessWidening() {
        Row row = TestRows.columns("ti", DataType.TINYINT, "si", DataType.SMALLINT, "i", DataType.INT,
                "f", DataType.FLOAT, "vi", DataType.VARINT).row((byte) -1, (short) 300, 70_000, 0.1f, BigInteger.ONE).first();
        assertThat(row.getShort("ti")).isEqualTo((short) -1);
        assertThat(row.getInt("ti")).isEqualTo(-1);
        assertThat(row.getLong("si")).isEqualTo(300L);
        assertThat(row.getBigInteger("i")).isEqualTo(BigInteger.valueOf(70_000));
        assertThat(row.getBigDecimal("i")).isEqualTo(BigDecimal.valueOf(70_000));
        assertThat(row.getDouble("f")).isEqualTo((double) 0.1f);
        assertThat(row.getBigDecimal("vi")).isEqualTo(BigDecimal.ONE);
        assertThat(row.get("i", Number.class)).isEqualTo(70_000);
        assertThat(row.get("i", Object.class)).isEqualTo(70_000);
    }

    @Test
    void aTypeThatDoesNotFitFailsEvenOnNull() {
        Row row = TestRows.columns("id", DataType.INT, "name", DataType.TEXT, "big", DataType.BIGINT)
                .row(null, "x", 1L).first();
        assertThatThrownBy(() -> row.getString("id")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column 'id' is int; it cannot be read as java.lang.String (it reads as java.lang.Integer)");
        assertThatThrownBy(() -> row.getInt("name")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Column 'name' is text").hasMessageContaining("java.lang.Integer");
        assertThatThrownBy(() -> row.getInt("big")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column 'big' is bigint; it cannot be read as java.lang.Integer (it reads as java.lang.Long)");
        assertThatThrownBy(() -> row.getInstant(1)).hasMessageContaining("cannot be read as java.time.Instant");
        assertThatThrownBy(() -> row.getInt("nope")).hasMessageContaining("no column 'nope'");
        assertThatThrownBy(() -> row.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void collectionsWithElementTypes() {
        DataType nested = DataType.map(DataType.TEXT, DataType.list(DataType.SMALLINT, true));
        Map<String, List<Short>> m = new LinkedHashMap<>();
        m.put("a", List.of((short) 1, (short) 2));
        Row row = TestRows.columns("l", DataType.list(DataType.SMALLINT), "s", DataType.set(DataType.TEXT),
                        "m", nested, "none", DataType.list(DataType.INT))
                .row(List.of((short) 1), new LinkedHashSet<>(List.of("b", "a")), m, null).first();
        assertThat(row.getList("l", Short.class)).containsExactly((short) 1);
        List<Integer> widened = row.getList("l", Integer.class);
        assertThat(widened).containsExactly(1);
        assertThat(row.getList("l", Number.class)).containsExactly((short) 1);
        assertThat(row.getSet("s", String.class)).containsExactly("b", "a");
        Map<String, ?> read = row.getMap("m", String.class, List.class);
        assertThat(read.get("a")).isEqualTo(List.of((short) 1, (short) 2));
        assertThat(row.getList("none", Integer.class)).isEmpty();
        assertThatThrownBy(() -> row.getList("l", String.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column 'l' is list<smallint>; it cannot be read as java.util.List<java.lang.String>"
                        + " (smallint cannot be read as java.lang.String)");
        // Checked from the type, so an empty or null collection fails the same way.
        assertThatThrownBy(() -> row.getList("none", String.class)).hasMessageContaining("int cannot be read as java.lang.String");
        assertThatThrownBy(() -> row.getSet("l", Short.class)).hasMessageContaining("java.util.Set<java.lang.Short>");
        assertThatThrownBy(() -> row.getMap("m", String.class, Set.class)).hasMessageContaining("Column 'm'");
        assertThatThrownBy(() -> row.getList("l", Integer.class).add(3)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void emptyIsNeitherNullNorAValue() {
        Row row = TestRows.columns("i", DataType.INT, "t", DataType.TEXT, "b", DataType.BLOB, "ts", DataType.TIMESTAMP,
                "u", UDT, "n", DataType.INT)
                .row(EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, null).first();
        assertThat(row.isNull("i")).isFalse();
        assertThat(row.isEmpty("i")).isTrue();
        assertThat(row.get("i")).isNull();
        assertThat(row.getInt("i")).isZero();
        assertThat(row.getInstant("ts")).isNull();
        assertThat(row.isEmpty("ts")).isTrue();
        assertThat(row.getString("t")).isEmpty();
        assertThat(row.isEmpty("t")).isTrue();
        assertThat(row.getBytes("b").remaining()).isZero();
        assertThat(row.isNull("n")).isTrue();
        assertThat(row.isEmpty("n")).isFalse();
        assertThat(row.getUdtValue("u")).isEqualTo(UdtValue.builder(UDT).build());
        assertThatThrownBy(() -> row.getString("i")).hasMessageContaining("Column 'i' is int");
    }
}
