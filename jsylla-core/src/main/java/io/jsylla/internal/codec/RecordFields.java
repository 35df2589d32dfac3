package io.jsylla.internal.codec;

import io.jsylla.DataType;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;

/**
 * Maps a Java record's components onto a UDT's fields, so a record binds to a UDT column.
 * A component matches a field of the same name, else of its snake_case form (firstName to
 * first_name), else case-insensitively (CQL folds unquoted names to lower case). A component that
 * matches no field is an error: silently dropping data is worse than failing.
 */
final class RecordFields {

    private final DataType udt;
    private final Method[] accessors;
    private final int[] fieldIndexes;

    RecordFields(Class<?> recordClass, DataType udt) {
        this.udt = udt;
        RecordComponent[] components = recordClass.getRecordComponents();
        List<String> fields = udt.fieldNames();
        accessors = new Method[components.length];
        fieldIndexes = new int[components.length];
        boolean[] taken = new boolean[fields.size()];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            int field = match(name, fields);
            if (field < 0) {
                throw new CodecException("record " + recordClass.getName() + " component '" + name
                        + "' matches no field of " + udt + " (fields: " + String.join(", ", fields) + ")");
            }
            if (taken[field]) {
                throw new CodecException("record " + recordClass.getName() + " maps two components to field '"
                        + fields.get(field) + "' of " + udt);
            }
            taken[field] = true;
            fieldIndexes[i] = field;
            accessors[i] = components[i].getAccessor();
            // Records declared inside this module but not public (tests, nested types) need this; it is
            // refused, harmlessly, for other modules' packages that are not open to us.
            accessors[i].trySetAccessible();
        }
    }

    static int match(String component, List<String> fields) {
        int i = fields.indexOf(component);
        if (i >= 0) return i;
        i = fields.indexOf(snakeCase(component));
        if (i >= 0) return i;
        for (int j = 0; j < fields.size(); j++) {
            if (fields.get(j).equalsIgnoreCase(component)) return j;
        }
        return -1;
    }

    /** firstName to first_name, userID to user_id, zip2Code to zip2_code. */
    static String snakeCase(String name) {
        StringBuilder b = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(name.charAt(i - 1))
                    && name.charAt(i - 1) != '_') {
                b.append('_');
            }
            b.append(c);
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** The record's values, indexed like the UDT's fields; fields without a component stay null. */
    Object[] values(Object record) {
        Object[] values = new Object[udt.fieldNames().size()];
        for (int i = 0; i < accessors.length; i++) {
            try {
                values[fieldIndexes[i]] = accessors[i].invoke(record);
            } catch (IllegalAccessException e) {
                throw new CodecException("cannot read record " + record.getClass().getName() + " component '"
                        + accessors[i].getName() + "': make the record public in a package exported to io.jsylla", e);
            } catch (InvocationTargetException e) {
                throw new CodecException("record " + record.getClass().getName() + " accessor "
                        + accessors[i].getName() + "() failed: " + e.getCause(), e.getCause());
            }
        }
        return values;
    }
}
