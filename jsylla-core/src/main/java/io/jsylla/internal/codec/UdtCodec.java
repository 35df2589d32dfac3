package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.jsylla.UdtValue;
import io.netty.buffer.ByteBuf;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * User-defined types: each field as [bytes], -1 for null, in declaration order. Binds a UdtValue,
 * a Map of field name to value (missing fields are null), or a Java record (see RecordFields).
 */
final class UdtCodec extends AbstractCodec {

    private final List<Codec> fields;
    private final List<String> names;
    private final Map<Class<?>, RecordFields> records = new ConcurrentHashMap<>();

    UdtCodec(DataType type, List<Codec> fields) {
        super(type);
        this.fields = List.copyOf(fields);
        this.names = type.fieldNames();
    }

    @Override
    public void encode(Object value, ByteBuf out) {
        Object[] values;
        if (value instanceof UdtValue u) {
            values = fromMap(u.fields());
        } else if (value instanceof Map<?, ?> m) {
            values = fromMap(m);
        } else if (value instanceof Record) {
            values = records.computeIfAbsent(value.getClass(), c -> new RecordFields(c, type)).values(value);
        } else {
            throw cannotBind(value);
        }
        for (int i = 0; i < values.length; i++) {
            writeBytes(fields.get(i), values[i], out);
        }
    }

    private Object[] fromMap(Map<?, ?> map) {
        Object[] values = new Object[names.size()];
        for (Map.Entry<?, ?> e : map.entrySet()) {
            int i = e.getKey() instanceof String name ? names.indexOf(name) : -1;
            if (i < 0) {
                throw new CodecException(type + " has no field " + Literals.format(e.getKey())
                        + " (fields: " + String.join(", ", names) + ")");
            }
            values[i] = e.getValue();
        }
        return values;
    }

    /**
     * Missing trailing fields are null. Bytes after the last known field are ignored: they are
     * fields added by ALTER TYPE since this type was described, not corruption.
     */
    @Override
    public Object decode(ByteBuf src, int index, int length) {
        Cursor cursor = new Cursor(src, index, length, type);
        UdtValue.Builder value = UdtValue.builder(type);
        for (int i = 0; i < names.size() && cursor.hasRemaining(); i++) {
            // Decoded fields are natural: set's normalization takes its fast path (CodecNormalizer).
            value.set(names.get(i), cursor.readBytes(fields.get(i)));
        }
        return value.build();
    }
}
