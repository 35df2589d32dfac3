package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Bound values of a statement, already serialized: the codec writes them as [value]s without looking
 * inside. An element may be null (a CQL null) or the {@link #UNSET_VALUE} instance (leave unset).
 */
public interface Values {

    /** Marks a value as unset (written as n = -2); recognized by identity, never by content. */
    ByteBuffer UNSET_VALUE = ByteBuffer.allocate(0).asReadOnlyBuffer();

    Values NONE = of(List.of());

    int size();

    /** The marker names of named values (flag 0x40), or null for positional values. */
    default List<String> names() {
        return null;
    }

    /** Writes value {@code i} as a [value]. */
    void write(int i, ByteBuf out);

    /** Writes every value, in order, as [value]s (implementations holding wire bytes do it in one copy). */
    default void writeAll(ByteBuf out) {
        for (int i = 0; i < size(); i++) write(i, out);
    }

    static Values of(List<ByteBuffer> values) {
        return new ValueList(null, values);
    }

    static Values named(List<String> names, List<ByteBuffer> values) {
        if (names == null) throw new NullPointerException("names");
        return new ValueList(names, values);
    }
}
