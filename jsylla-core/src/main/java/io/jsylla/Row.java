package io.jsylla;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One row of a {@link QueryResult}. Values are decoded on access, from the frame they arrived
 * in. Columns are found by index or by name (a name matches exactly first, then ignoring case).
 *
 * <p>Typed getters return the column's natural Java type (see {@link DataType}) or a type it
 * converts to without loss (e.g. {@link #getLong} of an {@code int} column, {@code byte[]} of a
 * blob, {@code java.util.Date} of a timestamp, {@code float[]} of a {@code vector<float, n>}).
 * Whether a Java type fits is decided by the column's CQL type, so a wrong request fails on every
 * row, null or not, with an {@link IllegalArgumentException} naming the column, its CQL type and
 * the Java type asked for. Primitive getters return 0 / false for null: check
 * {@link #isNull(String)} where null matters.
 *
 * <p><b>Empty values.</b> CQL distinguishes null (no value) from an empty value: zero bytes, which
 * an {@code int} or {@code timestamp} column can hold (written e.g. with {@code blobAsInt(0x)}).
 * An empty value is not null: {@link #isNull} is false and {@link #isEmpty} is true. Because Java
 * has no empty {@code Integer}, {@link #get} and the typed getters return null for an empty value
 * of a type whose values have a fixed size or structure (numbers, booleans, dates and times,
 * UUIDs, inet, duration, vector), and the natural empty value for the others: {@code ""} for
 * text, an empty buffer for a blob or a custom type, an empty collection, a tuple or UDT value
 * whose components are all null.
 */
public interface Row {

    /** Columns of this row, in order. */
    List<ColumnSpec> columnSpecs();

    /** Index of the column, or -1. */
    int indexOf(String name);

    /** The value of column {@code i} as its natural Java type, or null. */
    Object get(int i);

    /**
     * The value of column {@code i} as {@code type}, or null (for null and empty values); fails if
     * the column's CQL type cannot be read as {@code type}, whatever the value.
     */
    <T> T get(int i, Class<T> type);

    /** Whether column {@code i} is null (holds no value); false for an empty value. */
    boolean isNull(int i);

    /** Whether column {@code i} holds an empty (zero-length) value, which is not null; see the class comment. */
    boolean isEmpty(int i);

    /** Column name to natural Java value, in column order. */
    Map<String, Object> columns();

    /**
     * Maps this row onto a Java record by component name ({@code firstName} matches column
     * {@code first_name}): a component may have any type its column can be read as, a record for a
     * UDT column, or a collection of those ({@code List<Address>} for {@code list<frozen<address>>}).
     * A component without a column, or of a type that does not fit its column, fails with an
     * {@link IllegalArgumentException}; so does a null column for a primitive component.
     */
    <R> R as(Class<R> recordType);

    default int index(String name) {
        int i = indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no column '" + name + "' in " + columnSpecs());
        return i;
    }

    default Object get(String name) {
        return get(index(name));
    }

    default <T> T get(String name, Class<T> type) {
        return get(index(name), type);
    }

    default boolean isNull(String name) {
        return isNull(index(name));
    }

    default boolean isEmpty(String name) {
        return isEmpty(index(name));
    }

    default String getString(int i) {
        return get(i, String.class);
    }

    default String getString(String name) {
        return get(name, String.class);
    }

    default long getLong(int i) {
        Long v = get(i, Long.class);
        return v == null ? 0L : v;
    }

    default long getLong(String name) {
        return getLong(index(name));
    }

    default int getInt(int i) {
        Integer v = get(i, Integer.class);
        return v == null ? 0 : v;
    }

    default int getInt(String name) {
        return getInt(index(name));
    }

    default short getShort(int i) {
        Short v = get(i, Short.class);
        return v == null ? 0 : v;
    }

    default short getShort(String name) {
        return getShort(index(name));
    }

    default byte getByte(int i) {
        Byte v = get(i, Byte.class);
        return v == null ? 0 : v;
    }

    default byte getByte(String name) {
        return getByte(index(name));
    }

    default double getDouble(int i) {
        Double v = get(i, Double.class);
        return v == null ? 0.0 : v;
    }

    default double getDouble(String name) {
        return getDouble(index(name));
    }

    default float getFloat(int i) {
        Float v = get(i, Float.class);
        return v == null ? 0f : v;
    }

    default float getFloat(String name) {
        return getFloat(index(name));
    }

    default boolean getBoolean(int i) {
        return Boolean.TRUE.equals(get(i, Boolean.class));
    }

    default boolean getBoolean(String name) {
        return getBoolean(index(name));
    }

    default BigDecimal getBigDecimal(int i) {
        return get(i, BigDecimal.class);
    }

    default BigDecimal getBigDecimal(String name) {
        return get(name, BigDecimal.class);
    }

    default BigInteger getBigInteger(int i) {
        return get(i, BigInteger.class);
    }

    default BigInteger getBigInteger(String name) {
        return get(name, BigInteger.class);
    }

    default UUID getUuid(int i) {
        return get(i, UUID.class);
    }

    default UUID getUuid(String name) {
        return get(name, UUID.class);
    }

    default Instant getInstant(int i) {
        return get(i, Instant.class);
    }

    default Instant getInstant(String name) {
        return get(name, Instant.class);
    }

    default LocalDate getLocalDate(int i) {
        return get(i, LocalDate.class);
    }

    default LocalDate getLocalDate(String name) {
        return get(name, LocalDate.class);
    }

    default LocalTime getLocalTime(int i) {
        return get(i, LocalTime.class);
    }

    default LocalTime getLocalTime(String name) {
        return get(name, LocalTime.class);
    }

    default InetAddress getInetAddress(int i) {
        return get(i, InetAddress.class);
    }

    default InetAddress getInetAddress(String name) {
        return get(name, InetAddress.class);
    }

    /** A blob (or custom type), as a read-only buffer. */
    default ByteBuffer getBytes(int i) {
        return get(i, ByteBuffer.class);
    }

    /** A blob (or custom type), as a read-only buffer. */
    default ByteBuffer getBytes(String name) {
        return get(name, ByteBuffer.class);
    }

    default CqlDuration getCqlDuration(int i) {
        return get(i, CqlDuration.class);
    }

    default CqlDuration getCqlDuration(String name) {
        return get(name, CqlDuration.class);
    }

    default TupleValue getTupleValue(int i) {
        return get(i, TupleValue.class);
    }

    default TupleValue getTupleValue(String name) {
        return get(name, TupleValue.class);
    }

    default UdtValue getUdtValue(int i) {
        return get(i, UdtValue.class);
    }

    default UdtValue getUdtValue(String name) {
        return get(name, UdtValue.class);
    }

    @SuppressWarnings("unchecked")
    default <T> CqlVector<T> getCqlVector(int i) {
        return (CqlVector<T>) get(i, CqlVector.class);
    }

    @SuppressWarnings("unchecked")
    default <T> CqlVector<T> getCqlVector(String name) {
        return (CqlVector<T>) get(name, CqlVector.class);
    }

    /** A vector column with elements of {@code elementType} (checked against the column's element type), or null. */
    <E> CqlVector<E> getCqlVector(int i, Class<E> elementType);

    default <E> CqlVector<E> getCqlVector(String name, Class<E> elementType) {
        return getCqlVector(index(name), elementType);
    }

    /**
     * A list column with elements of {@code elementType}: a natural element type or one it widens
     * to, or a record for a list of UDTs; an empty list for null.
     */
    <E> List<E> getList(int i, Class<E> elementType);

    default <E> List<E> getList(String name, Class<E> elementType) {
        return getList(index(name), elementType);
    }

    /** A set column with elements of {@code elementType} (as for {@link #getList}); an empty set for null. */
    <E> Set<E> getSet(int i, Class<E> elementType);

    default <E> Set<E> getSet(String name, Class<E> elementType) {
        return getSet(index(name), elementType);
    }

    /** A map column with keys and values of the given types (as for {@link #getList}); an empty map for null. */
    <K, V> Map<K, V> getMap(int i, Class<K> keyType, Class<V> valueType);

    default <K, V> Map<K, V> getMap(String name, Class<K> keyType, Class<V> valueType) {
        return getMap(index(name), keyType, valueType);
    }
}
