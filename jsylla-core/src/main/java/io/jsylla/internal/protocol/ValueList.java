package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The list-backed {@link Values}; copies its lists because List.copyOf refuses the null elements a CQL null needs. */
final class ValueList implements Values {

    private final List<String> names;
    private final List<ByteBuffer> values;

    ValueList(List<String> names, List<ByteBuffer> values) {
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
        this.names = names == null ? null : List.copyOf(names);
        if (names != null && names.size() != values.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + values.size() + " values");
        }
        if (values.size() > 0xFFFF) throw new IllegalArgumentException("more than 65535 values: " + values.size());
    }

    @Override
    public int size() {
        return values.size();
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public void write(int i, ByteBuf out) {
        Wire.writeValue(values.get(i), out);
    }

    @Override
    public String toString() {
        return (names == null ? "Values" : "Values" + names) + "(" + values.size() + ")";
    }
}
