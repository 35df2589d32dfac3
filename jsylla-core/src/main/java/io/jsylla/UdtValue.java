package io.jsylla;

import io.jsylla.internal.codec.Literals;
import io.jsylla.internal.codec.TypeShapes;
import io.jsylla.internal.values.ValueNormalizer;

import java.lang.invoke.MethodType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value of a user-defined type: every field of the type, in declaration order, each possibly
 * null. Immutable; build one with {@link #builder(DataType)}. Fields hold their natural Java types.
 */
public final class UdtValue {

    private final DataType type;
    private final Map<String, Object> fields;

    private UdtValue(DataType type, Map<String, Object> fields) {
        this.type = type;
        this.fields = fields;
    }

    public static Builder builder(DataType udtType) {
        return new Builder(udtType);
    }

    /** A builder holding this value's fields, to make a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(type);
        int i = 0;
        for (Object v : fields.values()) b.values[i++] = v;
        return b;
    }

    public DataType type() {
        return type;
    }

    /** A field's value (null if it is null); IllegalArgumentException if the type has no such field. */
    public Object get(String field) {
        if (!fields.containsKey(field)) throw noSuchField(type, field);
        return fields.get(field);
    }

    /** A field as cls (a primitive class means its wrapper); IllegalArgumentException if of another type. */
    public <T> T get(String field, Class<T> cls) {
        Object v = get(field);
        if (v == null) return null;
        @SuppressWarnings("unchecked")
        Class<T> boxed = (Class<T>) MethodType.methodType(cls).wrap().returnType();
        if (!boxed.isInstance(v)) {
            throw new IllegalArgumentException("field " + field + " of " + type + " is a " + v.getClass().getName()
                    + ", not a " + cls.getName());
        }
        return boxed.cast(v);
    }

    /** Every field, in the type's order, unmodifiable (null values allowed). */
    public Map<String, Object> fields() {
        return fields;
    }

    private static IllegalArgumentException noSuchField(DataType type, String field) {
        return new IllegalArgumentException(type + " has no field '" + field + "' (fields: "
                + String.join(", ", type.fieldNames()) + ")");
    }

    /**
     * Equal when the fields are equal and the types match, frozenness aside (a value is the same
     * whether its column is frozen or not, and the server does not report frozenness).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof UdtValue u && fields.equals(u.fields) && TypeShapes.same(type, u.type);
    }

    @Override
    public int hashCode() {
        return 31 * TypeShapes.hash(type) + fields.hashCode();
    }

    /** Like {@code {first_name: 'a', age: 3}}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        String sep = "";
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            b.append(sep).append(e.getKey()).append(": ");
            Literals.append(b, e.getValue());
            sep = ", ";
        }
        return b.append('}').toString();
    }

    /** Collects field values; fields never set are null. Not thread-safe. */
    public static final class Builder {

        private final DataType type;
        private final Object[] values;

        private Builder(DataType type) {
            if (type.kind() != DataType.Kind.UDT) throw new IllegalArgumentException(type + " is not a user-defined type");
            this.type = type;
            this.values = new Object[type.fieldNames().size()];
        }

        /**
         * Sets a field, converting value as binding it would; IllegalArgumentException for an
         * unknown field or a value that does not convert to the field's type.
         */
        public Builder set(String field, Object value) {
            int i = type.fieldNames().indexOf(field);
            if (i < 0) throw noSuchField(type, field);
            DataType fieldType = type.typeArguments().get(i);
            try {
                values[i] = ValueNormalizer.get().normalize(fieldType, value);
            } catch (ValueNormalizer.NotConvertibleException e) {
                throw new IllegalArgumentException("field " + field + " of " + type + ": " + e.getMessage(), e.getCause());
            }
            return this;
        }

        public UdtValue build() {
            List<String> names = type.fieldNames();
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) fields.put(names.get(i), values[i]);
            return new UdtValue(type, Collections.unmodifiableMap(fields));
        }
    }
}
