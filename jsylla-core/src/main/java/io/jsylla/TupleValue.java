package io.jsylla;

import io.jsylla.internal.codec.Literals;
import io.jsylla.internal.codec.TypeShapes;
import io.jsylla.internal.values.ValueNormalizer;

import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The value of a CQL tuple, e.g. {@code TupleValue.of(DataType.tuple(DataType.INT, DataType.TEXT), 1, "a")}.
 * Immutable; components may be null. Components are held as their natural Java types (a
 * {@code Long} given for an {@code int} component is stored as an {@code Integer}).
 */
public final class TupleValue {

    private final DataType type;
    private final List<Object> values;

    private TupleValue(DataType type, List<Object> values) {
        this.type = type;
        this.values = values;
    }

    /**
     * A tuple of the given type. Each value is converted as binding it would be, so the result is
     * always encodable; IllegalArgumentException if the arity is wrong or a value does not convert.
     */
    public static TupleValue of(DataType tupleType, Object... values) {
        if (tupleType.kind() != DataType.Kind.TUPLE) {
            throw new IllegalArgumentException(tupleType + " is not a tuple type");
        }
        List<DataType> types = tupleType.typeArguments();
        if (values.length != types.size()) {
            throw new IllegalArgumentException(tupleType + " has " + types.size() + " components, got " + values.length + " values");
        }
        Object[] converted = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            try {
                converted[i] = ValueNormalizer.get().normalize(types.get(i), values[i]);
            } catch (ValueNormalizer.NotConvertibleException e) {
                // The cause is the codec's own exception, as the normalizer's only wraps it.
                throw new IllegalArgumentException("component " + i + " of " + tupleType + ": " + e.getMessage(), e.getCause());
            }
        }
        return new TupleValue(tupleType, Collections.unmodifiableList(Arrays.asList(converted)));
    }

    /** Collects components one by one; components never set are null. */
    public static Builder builder(DataType tupleType) {
        return new Builder(tupleType);
    }

    /** A builder holding this tuple's components, to make a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(type);
        values.toArray(b.values);
        return b;
    }

    public DataType type() {
        return type;
    }

    public int size() {
        return values.size();
    }

    public Object get(int i) {
        return values.get(i);
    }

    /**
     * Component i as cls (a primitive class means its wrapper), or null if the component is null;
     * IllegalArgumentException if the component is of another type.
     */
    public <T> T get(int i, Class<T> cls) {
        Object v = values.get(i);
        if (v == null) return null;
        @SuppressWarnings("unchecked")
        Class<T> boxed = (Class<T>) MethodType.methodType(cls).wrap().returnType();
        if (!boxed.isInstance(v)) {
            throw new IllegalArgumentException("component " + i + " of " + type + " is a " + v.getClass().getName()
                    + ", not a " + cls.getName());
        }
        return boxed.cast(v);
    }

    /** The components in order, unmodifiable (nulls allowed). */
    public List<Object> values() {
        return values;
    }

    /**
     * Equal when the components are equal and the types match, frozenness aside (a value is the same
     * whether its column is frozen or not, and the server does not report frozenness).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof TupleValue t && values.equals(t.values) && TypeShapes.same(type, t.type);
    }

    @Override
    public int hashCode() {
        return 31 * TypeShapes.hash(type) + values.hashCode();
    }

    /** Collects component values; components never set are null. Not thread-safe. */
    public static final class Builder {
        private final DataType type;
        private final Object[] values;

        private Builder(DataType type) {
            if (type.kind() != DataType.Kind.TUPLE) throw new IllegalArgumentException(type + " is not a tuple type");
            this.type = type;
            this.values = new Object[type.typeArguments().size()];
        }

        /** Sets component i, converting it as binding it would; IllegalArgumentException if it does not convert. */
        public Builder set(int i, Object value) {
            if (i < 0 || i >= values.length) {
                throw new IndexOutOfBoundsException("component " + i + " of " + type + ", which has " + values.length);
            }
            try {
                values[i] = ValueNormalizer.get().normalize(type.typeArguments().get(i), value);
            } catch (ValueNormalizer.NotConvertibleException e) {
                throw new IllegalArgumentException("component " + i + " of " + type + ": " + e.getMessage(), e.getCause());
            }
            return this;
        }

        public TupleValue build() {
            return new TupleValue(type, Collections.unmodifiableList(Arrays.asList(values.clone())));
        }
    }

    /** Like {@code (1, 'a')}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        Literals.appendAll(b, values.iterator(), '(', ')');
        return b.toString();
    }
}
