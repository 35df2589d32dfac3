package io.jsylla;

import io.jsylla.internal.codec.CodecException;
import io.jsylla.internal.codec.Codecs;
import io.jsylla.internal.codec.Literals;
import io.jsylla.internal.codec.TrustedValues;

import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The value of a CQL tuple, e.g. {@code TupleValue.of(DataType.tuple(DataType.INT, DataType.TEXT), 1, "a")}.
 * Immutable; components may be null. Components are held as their natural Java types (a
 * {@code Long} given for an {@code int} component is stored as an {@code Integer}).
 */
public final class TupleValue {

    static {
        TrustedValues.registerTuples(TupleValue::new);
    }

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
                converted[i] = Codecs.normalize(types.get(i), values[i]);
            } catch (CodecException e) {
                throw new IllegalArgumentException("component " + i + " of " + tupleType + ": " + e.getMessage(), e);
            }
        }
        return new TupleValue(tupleType, Collections.unmodifiableList(Arrays.asList(converted)));
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

    @Override
    public boolean equals(Object o) {
        return o instanceof TupleValue t && type.equals(t.type) && values.equals(t.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, values);
    }

    /** Like {@code (1, 'a')}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        Literals.appendAll(b, values.iterator(), '(', ')');
        return b.toString();
    }
}
