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
 * converts to without loss (e.g. {@link #getLong} of an {@code int} column); any other request
 * fails with {@link IllegalArgumentException} naming the column, its CQL type and the Java type
 * asked for. Primitive getters return 0 / false for null: check {@link #isNull(String)} where
 * null matters.
 */
public interface Row {

    /** Columns of this row, in order. */
    List<ColumnSpec> columnSpecs();

    /** Index of the column, or -1. */
    int indexOf(String name);

    /** The value of column {@code i} as its natural Java type, or null. */
    Object get(int i);

    /** The value of column {@code i} as {@code type}, or null; fails if the column's type does not fit. */
    <T> T get(int i, Class<T> type);

    boolean isNull(int i);

    /** Column name to natural Java value, in column order. */
    Map<String, Object> columns();

    /** Maps this row onto a Java record by component name ({@code firstName} matches {@code first_name}). */
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

    default short getShort(String name) {
        Short v = get(name, Short.class);
        return v == null ? 0 : v;
    }

    default byte getByte(String name) {
        Byte v = get(name, Byte.class);
        return v == null ? 0 : v;
    }

    default double getDouble(int i) {
        Double v = get(i, Double.class);
        return v == null ? 0.0 : v;
    }

    default double getDouble(String name) {
        return getDouble(index(name));
    }

    default float getFloat(String name) {
        Float v = get(name, Float.class);
        return v == null ? 0f : v;
    }

    default boolean getBoolean(int i) {
        return Boolean.TRUE.equals(get(i, Boolean.class));
    }

    default boolean getBoolean(String name) {
        return getBoolean(index(name));
    }

    default BigDecimal getBigDecimal(String name) {
        return get(name, BigDecimal.class);
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

    default Instant getInstant(String name) {
        return get(name, Instant.class);
    }

    default LocalDate getLocalDate(String name) {
        return get(name, LocalDate.class);
    }

    default LocalTime getLocalTime(String name) {
        return get(name, LocalTime.class);
    }

    default InetAddress getInetAddress(String name) {
        return get(name, InetAddress.class);
    }

    /** A blob, as a read-only buffer. */
    default ByteBuffer getBytes(String name) {
        return get(name, ByteBuffer.class);
    }

    default CqlDuration getCqlDuration(String name) {
        return get(name, CqlDuration.class);
    }

    default TupleValue getTupleValue(String name) {
        return get(name, TupleValue.class);
    }

    default UdtValue getUdtValue(String name) {
        return get(name, UdtValue.class);
    }

    @SuppressWarnings("unchecked")
    default <T> CqlVector<T> getCqlVector(String name) {
        return (CqlVector<T>) get(name, CqlVector.class);
    }

    /** A list column with elements of {@code elementType}; an empty list for null. */
    <E> List<E> getList(String name, Class<E> elementType);

    /** A set column with elements of {@code elementType}; an empty set for null. */
    <E> Set<E> getSet(String name, Class<E> elementType);

    /** A map column; an empty map for null. */
    <K, V> Map<K, V> getMap(String name, Class<K> keyType, Class<V> valueType);
}
