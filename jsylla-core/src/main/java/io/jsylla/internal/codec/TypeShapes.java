package io.jsylla.internal.codec;

import io.jsylla.DataType;
import java.util.List;
import java.util.Objects;

/**
 * Compares CQL types without their frozenness. Being frozen is a property of where a value is
 * stored, not of the value, and the native protocol does not even report it: the type of a value
 * read from a {@code frozen<address>} column arrives as {@code address}. Tuple and UDT values use
 * this so a value built by the application equals the same value read back.
 */
public final class TypeShapes {
    private TypeShapes() {}

    public static boolean same(DataType a, DataType b) {
        if (a == b) return true;
        if (a.kind() != b.kind() || a.dimension() != b.dimension() || !Objects.equals(a.keyspace(), b.keyspace())
                || !Objects.equals(a.name(), b.name()) || !a.fieldNames().equals(b.fieldNames())) {
            return false;
        }
        List<DataType> x = a.typeArguments();
        List<DataType> y = b.typeArguments();
        if (x.size() != y.size()) return false;
        for (int i = 0; i < x.size(); i++) {
            if (!same(x.get(i), y.get(i))) return false;
        }
        return true;
    }

    /** A hash code consistent with {@link #same}. */
    public static int hash(DataType t) {
        int h = t.kind().hashCode() * 31 + t.dimension();
        h = h * 31 + Objects.hashCode(t.name()) + t.fieldNames().hashCode();
        for (DataType arg : t.typeArguments()) h = h * 31 + hash(arg);
        return h;
    }
}
