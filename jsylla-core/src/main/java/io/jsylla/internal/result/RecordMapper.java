package io.jsylla.internal.result;

import io.jsylla.ColumnSpec;
import io.jsylla.Row;
import io.jsylla.UdtValue;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rows to Java records by component name: {@code firstName} reads column {@code first_name}
 * (or {@code firstname}, {@code firstName}). The column lookup is worked out once per record
 * class and result shape, not per row; a UDT column maps onto a nested record the same way.
 */
final class RecordMapper {
    private static final Map<Class<?>, Map<List<ColumnSpec>, Mapping<?>>> CACHE = new ConcurrentHashMap<>();

    private RecordMapper() {}

    /** How one record class reads one result shape. */
    static final class Mapping<R> {
        private final Constructor<R> constructor;
        private final int[] columns;
        private final Class<?>[] types;

        Mapping(Constructor<R> constructor, int[] columns, Class<?>[] types) {
            this.constructor = constructor;
            this.columns = columns;
            this.types = types;
        }

        R map(Row row) {
            Object[] args = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                Object v = row.get(columns[i]);
                args[i] = adapt(v, types[i], row.columnSpecs().get(columns[i]));
            }
            return construct(constructor, args);
        }
    }

    @SuppressWarnings("unchecked")
    static <R> Mapping<R> mapping(Class<R> type, List<ColumnSpec> columns) {
        return (Mapping<R>) CACHE.computeIfAbsent(type, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(columns, c -> build(type, c));
    }

    private static <R> Mapping<R> build(Class<R> type, List<ColumnSpec> columns) {
        RecordComponent[] comps = requireRecord(type);
        int[] idx = new int[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        List<String> names = new ArrayList<>();
        for (ColumnSpec c : columns) names.add(c.name());
        for (int i = 0; i < comps.length; i++) {
            idx[i] = find(names, comps[i].getName());
            if (idx[i] < 0) {
                throw new IllegalArgumentException("Record " + type.getSimpleName() + " component '" + comps[i].getName()
                        + "' matches no column; the columns are " + names);
            }
            types[i] = comps[i].getType();
        }
        return new Mapping<>(canonical(type, comps), idx, types);
    }

    /** The name itself, its snake_case form, then either ignoring case. */
    static int find(List<String> names, String component) {
        String snake = component.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        for (String candidate : new String[] {component, snake}) {
            int i = names.indexOf(candidate);
            if (i >= 0) return i;
        }
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n.equalsIgnoreCase(component) || n.equalsIgnoreCase(snake)) return i;
        }
        return -1;
    }

    private static Object adapt(Object v, Class<?> target, ColumnSpec column) {
        if (v instanceof UdtValue udt && target.isRecord()) return fromUdt(udt, target);
        if (target.isPrimitive() && v == null) {
            throw new IllegalArgumentException("Column '" + column.name() + "' is null but the record component is "
                    + target.getName() + "; use a boxed type to accept null");
        }
        return ValueConversions.convert(v, column, target);
    }

    private static <R> R fromUdt(UdtValue udt, Class<R> type) {
        RecordComponent[] comps = requireRecord(type);
        List<String> fields = new ArrayList<>(udt.fields().keySet());
        Object[] args = new Object[comps.length];
        for (int i = 0; i < comps.length; i++) {
            int f = find(fields, comps[i].getName());
            if (f < 0) {
                throw new IllegalArgumentException("Record " + type.getSimpleName() + " component '" + comps[i].getName()
                        + "' matches no field of " + udt.type() + "; its fields are " + fields);
            }
            Object v = udt.get(fields.get(f));
            ColumnSpec asColumn = new ColumnSpec(null, null, fields.get(f), udt.type().typeArguments().get(f));
            args[i] = adapt(v, comps[i].getType(), asColumn);
        }
        return construct(canonical(type, comps), args);
    }

    private static RecordComponent[] requireRecord(Class<?> type) {
        if (!type.isRecord()) throw new IllegalArgumentException(type.getName() + " is not a record");
        return type.getRecordComponents();
    }

    private static <R> Constructor<R> canonical(Class<R> type, RecordComponent[] comps) {
        Class<?>[] params = new Class<?>[comps.length];
        for (int i = 0; i < comps.length; i++) params[i] = comps[i].getType();
        try {
            Constructor<R> c = type.getDeclaredConstructor(params);
            c.setAccessible(true);
            return c;
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot use the constructor of record " + type.getName()
                    + " (is it accessible to module io.jsylla?): " + e.getMessage(), e);
        }
    }

    private static <R> R construct(Constructor<R> c, Object[] args) {
        try {
            return c.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("Record " + c.getDeclaringClass().getSimpleName() + " rejected the row: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Cannot create record " + c.getDeclaringClass().getName() + ": " + e, e);
        }
    }
}
