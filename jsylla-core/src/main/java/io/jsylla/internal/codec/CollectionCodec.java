package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code list} and {@code set}: [int n] then n elements, each as [bytes]. Any Collection binds
 * (a set keeps the collection's iteration order); a list also takes an Object[].
 * Decodes to an unmodifiable List, or an unmodifiable insertion-ordered Set.
 */
final class CollectionCodec extends AbstractCodec {

    private final Codec element;
    private final boolean isSet;

    CollectionCodec(DataType type, Codec element) {
        super(type);
        this.element = element;
        this.isSet = type.kind() == DataType.Kind.SET;
    }

    @Override
    public void encode(Object value, ByteBuf out) {
        Collection<?> elements;
        if (value instanceof Collection<?> c) {
            elements = c;
        } else if (!isSet && value instanceof Object[] array) {
            elements = Arrays.asList(array);
        } else {
            throw cannotBind(value);
        }
        out.writeInt(elements.size());
        for (Object e : elements) {
            if (e == null) throw new CodecException("null element in " + type);
            writeBytes(element, e, out);
        }
    }

    /** A zero-length value (never sent by the server for a collection) is read as an empty collection. */
    @Override
    public Object decode(ByteBuf src, int index, int length) {
        if (length == 0) return isSet ? Set.of() : List.of();
        Cursor cursor = new Cursor(src, index, length, type);
        int n = cursor.readCount(4);
        Collection<Object> result = isSet ? new LinkedHashSet<>(capacity(n)) : new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(cursor.readBytes(element));
        }
        cursor.expectEnd();
        return isSet ? Collections.unmodifiableSet((Set<Object>) result) : Collections.unmodifiableList((List<Object>) result);
    }

    static int capacity(int n) {
        return (int) Math.min(Integer.MAX_VALUE, n * 4L / 3 + 1);
    }
}
