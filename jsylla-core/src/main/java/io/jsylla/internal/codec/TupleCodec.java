package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.jsylla.TupleValue;
import io.netty.buffer.ByteBuf;

import java.util.List;

/**
 * {@code tuple<...>}: each component as [bytes], -1 for null. Binds a TupleValue or a List of the
 * right arity, each component converted to this type's component type. Missing trailing
 * components in a decoded value are null.
 */
final class TupleCodec extends AbstractCodec {

    private final List<Codec> components;

    TupleCodec(DataType type, List<Codec> components) {
        super(type);
        this.components = List.copyOf(components);
    }

    @Override
    public void encode(Object value, ByteBuf out) {
        List<?> values;
        if (value instanceof TupleValue t) {
            values = t.values();
        } else if (value instanceof List<?> l) {
            values = l;
        } else {
            throw cannotBind(value);
        }
        if (values.size() != components.size()) {
            throw new CodecException("cannot bind " + value.getClass().getName() + " of " + values.size()
                    + " components to " + type + ", which has " + components.size());
        }
        for (int i = 0; i < values.size(); i++) {
            writeBytes(components.get(i), values.get(i), out);
        }
    }

    @Override
    public Object decode(ByteBuf src, int index, int length) {
        Cursor cursor = new Cursor(src, index, length, type);
        Object[] values = new Object[components.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = cursor.hasRemaining() ? cursor.readBytes(components.get(i)) : null;
        }
        cursor.expectEnd();
        // Decoded components are natural: the factory's normalization takes its fast path (CodecNormalizer).
        return TupleValue.of(type, values);
    }
}
