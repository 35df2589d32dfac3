package io.jsylla.internal.result;

import io.jsylla.ColumnSpec;
import io.jsylla.Row;
import java.util.Collection;
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
    public Map<String, Object> columns() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < data.columns().size(); i++) m.put(data.columns().get(i).name(), get(i));
        return m;
    }

    @Override
    public <R> R as(Class<R> recordType) {
        return RecordMapper.mapping(recordType, data.columns()).map(this);
    }

    @Override
    public <E> List<E> getList(String name, Class<E> elementType) {
        List<?> v = get(name, List.class);
        return v == null ? List.of() : checked(name, v, elementType);
    }

    @Override
    public <E> Set<E> getSet(String name, Class<E> elementType) {
        Set<?> v = get(name, Set.class);
        return v == null ? Set.of() : checked(name, v, elementType);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> Map<K, V> getMap(String name, Class<K> keyType, Class<V> valueType) {
        Map<?, ?> v = get(name, Map.class);
        if (v == null) return Map.of();
        checked(name, v.keySet(), keyType);
        checked(name, v.values(), valueType);
        return (Map<K, V>) v;
    }

    @SuppressWarnings("unchecked")
    private <C extends Collection<?>, E> C checked(String name, Collection<?> values, Class<E> elementType) {
        Class<?> boxed = ValueConversions.box(elementType);
        for (Object e : values) {
            if (e != null && !boxed.isInstance(e)) {
                ColumnSpec c = data.columns().get(index(name));
                throw new IllegalArgumentException("Column '" + c.name() + "' is " + c.type() + " holding "
                        + e.getClass().getName() + "; it cannot be read with elements of " + elementType.getName());
            }
        }
        return (C) values;
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
