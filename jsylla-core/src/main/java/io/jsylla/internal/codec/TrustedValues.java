package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.jsylla.TupleValue;
import io.jsylla.UdtValue;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Builds tuple and UDT values from freshly decoded components, skipping the conversion their public
 * factories do (decoded values are already natural and valid). The public classes hand their
 * private constructors over when they initialize, which keeps those constructors out of the public API.
 */
public final class TrustedValues {

    private static volatile BiFunction<DataType, List<Object>, TupleValue> tuples;
    private static volatile BiFunction<DataType, Map<String, Object>, UdtValue> udts;

    private TrustedValues() {
    }

    /** Called once, by TupleValue's static initializer. */
    public static void registerTuples(BiFunction<DataType, List<Object>, TupleValue> factory) {
        if (tuples != null) throw new IllegalStateException("tuple factory already registered");
        tuples = factory;
    }

    /** Called once, by UdtValue's static initializer. */
    public static void registerUdts(BiFunction<DataType, Map<String, Object>, UdtValue> factory) {
        if (udts != null) throw new IllegalStateException("UDT factory already registered");
        udts = factory;
    }

    /** values: one per component, unmodifiable, nulls allowed. */
    static TupleValue tuple(DataType type, List<Object> values) {
        if (tuples == null) initialize(TupleValue.class);
        return tuples.apply(type, values);
    }

    /** fields: every field of the type in order, unmodifiable, nulls allowed. */
    static UdtValue udt(DataType type, Map<String, Object> fields) {
        if (udts == null) initialize(UdtValue.class);
        return udts.apply(type, fields);
    }

    private static void initialize(Class<?> cls) {
        try {
            Class.forName(cls.getName(), true, cls.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
