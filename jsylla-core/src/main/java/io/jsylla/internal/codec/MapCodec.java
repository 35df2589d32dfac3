package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code map}: [int n] then n key/value pairs, each as two [bytes]. Binds any Map without null keys
 * or values; decodes to an unmodifiable, insertion-ordered Map.
 */
final class MapCodec extends AbstractCodec {

    private final Codec keys;
    private final Codec values;

    MapCodec(DataType type, Codec keys, Codec values) {
        super(type);
        this.keys = keys;
        this.values = values;
    }

    @Override
    public void encode(Object value, ByteBuf out) {
        if (!(value instanceof Map<?, ?> map)) throw cannotBind(value);
        out.writeInt(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getKey() == null) throw new CodecException("null key in " + type);
            if (e.getValue() == null) throw new CodecException("null value in " + type + " for key " + Literals.format(e.getKey()));
            writeBytes(keys, e.getKey(), out);
            writeBytes(values, e.getValue(), out);
        }
    }

    /** A zero-length value (never sent by the server for a map) is read as an empty map. */
    @Override
    public Object decode(ByteBuf src, int index, int length) {
        if (length == 0) return Map.of();
        Cursor cursor = new Cursor(src, index, length, type);
        int n = cursor.readCount(8);
        Map<Object, Object> result = new LinkedHashMap<>(CollectionCodec.capacity(n));
        for (int i = 0; i < n; i++) {
            Object k = cursor.readBytes(keys);
            result.put(k, cursor.readBytes(values));
        }
        cursor.expectEnd();
        return Collections.unmodifiableMap(result);
    }
}
