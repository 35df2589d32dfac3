package io.jsylla.internal.result;

import io.jsylla.ColumnSpec;
import io.jsylla.DataType;
import io.jsylla.Row;
import io.jsylla.UdtValue;
import io.jsylla.internal.result.ValueConversions.Converter;
import io.jsylla.internal.result.ValueConversions.Mismatch;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rows and UDT values to Java records by component name: {@code firstName} reads column
 * {@code first_name} (or {@code firstName}, {@code firstname}). Everything about the mapping, which
 * column feeds which component and how its value converts (nested records for UDTs, collections of
 * records...), is worked out once per record class and result shape, and checked then: a missing
 * column or a component type that does not fit fails before any row is read.
 */
final class RecordMapper {
    private static final ClassValue<Map<List<ColumnSpec>, RowMapping<?>>> ROWS = new ClassValue<>() {
        @Override
        protected Map<List<ColumnSpec>, RowMapping<?>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };
    private static final ClassValue<Map<DataType, Converter>> UDTS = new ClassValue<>() {
        @Override
        protected Map<DataType, Converter> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** How many mappings were built: lets tests check they are not rebuilt per row. */
    static final AtomicInteger BUILDS = new AtomicInteger();

    private RecordMapper() {}

    /** How one record class reads rows of one shape. */
    static final class RowMapping<R> {
        final Class<R> type;
        private final Constructor<R> constructor;
        private final RecordComponent[] components;
        private final int[] columns;
        private final Converter[] converters;

        private RowMapping(Class<R> type, RecordComponent[] components, int[] columns, Converter[] converters) {
            this.type = type;
            this.constructor = canonical(type, components);
            this.components = components;
            this.columns = columns;
            this.converters = converters;
        }

        R map(Row row) {
            Object[] args = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                Object v = row.get(columns[i]);
                if (v != null) {
                    args[i] = converters[i].convert(v);
                } else if (components[i].getType().isPrimitive()) {
                    throw new IllegalArgumentException("Column '" + row.columnSpecs().get(columns[i]).name()
                            + "' is null but record " + type.getSimpleName() + " component '" + components[i].getName()
                            + "' is a " + components[i].getType() + "; use its wrapper type to accept null");
                }
            }
            return construct(constructor, args);
        }
    }

    @SuppressWarnings("unchecked")
    static <R> RowMapping<R> forRows(Class<R> type, List<ColumnSpec> columns) {
        Map<List<ColumnSpec>, RowMapping<?>> byShape = ROWS.get(type);
        RowMapping<?> m = byShape.get(columns);
        if (m == null) {
            m = buildRows(type, columns);
            RowMapping<?> raced = byShape.putIfAbsent(columns, m);
            if (raced != null) m = raced;
        }
        return (RowMapping<R>) m;
    }

    private static <R> RowMapping<R> buildRows(Class<R> type, List<ColumnSpec> columns) {
        BUILDS.incrementAndGet();
        RecordComponent[] comps = requireRecord(type);
        List<String> names = new ArrayList<>(columns.size());
        for (ColumnSpec c : columns) names.add(c.name());
        int[] idx = new int[comps.length];
        Converter[] converters = new Converter[comps.length];
        for (int i = 0; i < comps.length; i++) {
            idx[i] = find(names, comps[i].getName());
            if (idx[i] < 0) {
                throw new IllegalArgumentException("Record " + type.getSimpleName() + " component '" + comps[i].getName()
                        + "' matches no column; the columns are " + names);
            }
            ColumnSpec column = columns.get(idx[i]);
            try {
                converters[i] = ValueConversions.build(column.type(), comps[i].getGenericType());
            } catch (Mismatch m) {
                throw new IllegalArgumentException("Record " + type.getSimpleName() + " component '" + comps[i].getName()
                        + "' (" + comps[i].getGenericType().getTypeName() + ") cannot hold column '" + column.name()
                        + "' of type " + column.type() + ": " + m.getMessage(), m);
            }
        }
        return new RowMapping<>(type, comps, idx, converters);
    }

    /** Converts a UdtValue of udt into a record; Mismatch if the record does not fit the UDT. */
    static Converter udtConverter(Class<?> record, DataType udt) {
        Map<DataType, Converter> byType = UDTS.get(record);
        Converter c = byType.get(udt);
        if (c == null) {
            c = buildUdt(record, udt);
            Converter raced = byType.putIfAbsent(udt, c);
            if (raced != null) c = raced;
        }
        return c;
    }

    private static <R> Converter buildUdt(Class<R> type, DataType udt) {
        BUILDS.incrementAndGet();
        RecordComponent[] comps = requireRecord(type);
        List<String> fields = udt.fieldNames();
        String[] fieldNames = new String[comps.length];
        Converter[] converters = new Converter[comps.length];
        for (int i = 0; i < comps.length; i++) {
            int f = find(fields, comps[i].getName());
            if (f < 0) {
                throw new Mismatch(udt, type, "record " + type.getSimpleName() + " component '" + comps[i].getName()
                        + "' matches no field of " + udt + "; its fields are " + fields);
            }
            fieldNames[i] = fields.get(f);
            DataType fieldType = udt.typeArguments().get(f);
            try {
                converters[i] = ValueConversions.build(fieldType, comps[i].getGenericType());
            } catch (Mismatch m) {
                throw new Mismatch(udt, type, "record " + type.getSimpleName() + " component '" + comps[i].getName()
                        + "' (" + comps[i].getGenericType().getTypeName() + ") cannot hold field '" + fieldNames[i]
                        + "' of " + udt + ": " + m.getMessage());
            }
        }
        Constructor<R> constructor = canonical(type, comps);
        return v -> {
            UdtValue value = (UdtValue) v;
            Object[] args = new Object[comps.length];
            for (int i = 0; i < comps.length; i++) {
                Object field = value.get(fieldNames[i]);
                if (field != null) {
                    args[i] = converters[i].convert(field);
                } else if (comps[i].getType().isPrimitive()) {
                    throw new IllegalArgumentException("Field '" + fieldNames[i] + "' of " + udt + " is null but record "
                            + type.getSimpleName() + " component '" + comps[i].getName() + "' is a " + comps[i].getType()
                            + "; use its wrapper type to accept null");
                }
            }
            return construct(constructor, args);
        };
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

    private static RecordComponent[] requireRecord(Class<?> type) {
        if (!type.isRecord()) throw new IllegalArgumentException(type.getName() + " is not a record");
        return type.getRecordComponents();
    }

    private static <R> Constructor<R> canonical(Class<R> type, RecordComponent[] comps) {
        Class<?>[] params = new Class<?>[comps.length];
        for (int i = 0; i < comps.length; i++) params[i] = comps[i].getType();
        try {
            Constructor<R> c = type.getDeclaredConstructor(params);
            // Needed for records that are not public; refused, harmlessly, where a module does not open them.
            c.trySetAccessible();
            return c;
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("Record " + type.getName() + " has no canonical constructor", e);
        }
    }

    private static <R> R construct(Constructor<R> c, Object[] args) {
        try {
            return c.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("Record " + c.getDeclaringClass().getSimpleName() + " rejected the values: "
                    + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("Cannot create record " + c.getDeclaringClass().getName()
                    + ": make it public in a package exported (or opened) to module io.jsylla", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Cannot create record " + c.getDeclaringClass().getName() + ": " + e, e);
        }
    }
}
