package io.jsylla.internal.result;

import io.jsylla.ColumnSpec;
import io.jsylla.CqlVector;
import io.jsylla.Row;
import io.jsylla.internal.result.ValueConversions.Parameterized;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A row that decodes a cell when it is read, from the page's bytes. */
final class LazyRow implements Row {
    private final RowsData data;
    private final int row;

    LazyRow(RowsData data, int row) {
        this.data = data;
        this.row = row;
    }

    @Override
    public List<ColumnSpec> columnSpecs() {
        return data.columns();
    }

    @Override
    public int indexOf(String name) {
        return data.indexOf(name);
    }

    @Override
    public Object get(int i) {
        return data.decode(row, check(i));
    }

    @Override
    public <T> T get(int i, Class<T> type) {
        return ValueConversions.convert(get(i), data.columns().get(i), type);
    }

    @Override
    public boolean isNull(int i) {
        return data.isNull(row, check(i));
    }

    @Override
    public boolean isEmpty(int i) {
        return data.isEmpty(row, check(i));
    }

    @Override
    public Map<String, Object> columns() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < data.columns().size(); i++) m.put(data.columns().get(i).name(), get(i));
        return m;
    }

    @Override
    public <R> R as(Class<R> recordType) {
        return data.mapping(recordType).map(this);
    }

    @Override
    public <E> List<E> getList(int i, Class<E> elementType) {
        List<E> v = generic(i, new Parameterized(List.class, elementType));
        return v == null ? List.of() : v;
    }

    @Override
    public <E> Set<E> getSet(int i, Class<E> elementType) {
        Set<E> v = generic(i, new Parameterized(Set.class, elementType));
        return v == null ? Set.of() : v;
    }

    @Override
    public <K, V> Map<K, V> getMap(int i, Class<K> keyType, Class<V> valueType) {
        Map<K, V> v = generic(i, new Parameterized(Map.class, keyType, valueType));
        return v == null ? Map.of() : v;
    }

    @Override
    public <E> CqlVector<E> getCqlVector(int i, Class<E> elementType) {
        return generic(i, new Parameterized(CqlVector.class, elementType));
    }

    /** The column read as a parameterized type; the element types are checked from the column's CQL type. */
    @SuppressWarnings("unchecked")
    private <T> T generic(int i, Type target) {
        ValueConversions.Converter c = ValueConversions.converter(data.columns().get(check(i)), target);
        Object v = get(i);
        return v == null ? null : (T) c.convert(v);
    }

    private int check(int i) {
        if (i < 0 || i >= data.columns().size()) {
            throw new IndexOutOfBoundsException("column " + i + " of " + data.columns().size() + " " + data.columns());
        }
        return i;
    }

    @Override
    public String toString() {
        return "Row" + columns();
    }
}
