package io.jsylla.internal.codec;

import io.jsylla.ColumnSpec;
import io.jsylla.Unset;
import io.jsylla.internal.protocol.Values;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.FastThreadLocal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A statement's bound values, serialized once at bind time straight into their wire form: every
 * [value] (length, then bytes; -1 for null, -2 for unset) back to back in one array. Binding
 * costs one exact-size array, and sending is one bulk copy into the frame.
 */
public final class BoundValues implements Values {
    private static final int NULL = -1;
    private static final int UNSET = -2;
    /** Per-thread scratch space to encode into before the exact-size copy; grows as needed. */
    private static final FastThreadLocal<ByteBuf> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected ByteBuf initialValue() {
            return Unpooled.buffer(256);
        }
    };

    private final byte[] wire;
    private final int count;

    private BoundValues(byte[] wire, int count) {
        this.wire = wire;
        this.count = count;
    }

    /**
     * Serializes {@code values} for {@code variables}, in order; a value that does not convert
     * fails with IllegalArgumentException naming the variable, its type and the Java value.
     */
    public static BoundValues encode(List<ColumnSpec> variables, Object[] values) {
        return encode(Variables.of(variables), values);
    }

    /** As {@link #encode(List, Object[])}, with the variables' codecs resolved beforehand. */
    public static BoundValues encode(Variables variables, Object[] values) {
        return new BoundValues(encodeWire(variables, values), values.length);
    }

    /**
     * Only the wire form of {@link #encode(Variables, Object[])}, for a caller that keeps the bytes
     * itself (a bound statement's execution) and so makes no holder object.
     */
    public static byte[] encodeWire(Variables variables, Object[] values) {
        ByteBuf out = SCRATCH.get();
        out.clear();
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                out.writeInt(NULL);
            } else if (v == Unset.VALUE) {
                out.writeInt(UNSET);
            } else {
                int lengthAt = out.writerIndex();
                out.writeInt(0);
                Codec codec = variables.codecs[i];
                if (codec == null) {
                    Codecs.writeForColumn(variables.names[i], variables.types[i], v, out);
                } else {
                    try {
                        codec.encode(v, out);
                    } catch (CodecException e) {
                        out.writerIndex(lengthAt);
                        throw Codecs.notConvertible(variables.names[i], variables.types[i], v, e);
                    }
                }
                out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
            }
        }
        byte[] wire = new byte[out.writerIndex()];
        out.getBytes(0, wire);
        if (out.capacity() > 1 << 20) SCRATCH.set(Unpooled.buffer(256)); // do not keep a huge buffer per thread
        return wire;
    }

    /** The values that are {@code wire}, {@code count} of them, as {@link #encodeWire} made them. */
    public static BoundValues ofWire(byte[] wire, int count) {
        return new BoundValues(wire, count);
    }

    /** The wire form: every [value] back to back. Shared, never to be changed. */
    public byte[] wire() {
        return wire;
    }

    @Override
    public int size() {
        return count;
    }

    /** Where value {@code i}'s length prefix starts: found by walking the prefixes (few values; off the hot path). */
    private int offset(int i) {
        return offset(wire, count, i);
    }

    /** Where value {@code i} of the {@code count} values that are {@code wire} starts: its [int] length prefix. */
    public static int offset(byte[] wire, int count, int i) {
        if (i < 0 || i >= count) throw new IndexOutOfBoundsException("value " + i + " of " + count);
        int at = 0;
        for (int k = 0; k < i; k++) at += 4 + Math.max(0, lengthAt(wire, at));
        return at;
    }

    private int lengthAt(int at) {
        return lengthAt(wire, at);
    }

    /** The length prefix at {@code at}: the value's size, or -1 for null, -2 for unset. */
    public static int lengthAt(byte[] wire, int at) {
        return ((wire[at] & 0xFF) << 24) | ((wire[at + 1] & 0xFF) << 16) | ((wire[at + 2] & 0xFF) << 8) | (wire[at + 3] & 0xFF);
    }

    @Override
    public void write(int i, ByteBuf out) {
        write(wire, count, i, out);
    }

    /** Writes value {@code i} of the {@code count} values that are {@code wire}, as a [value]. */
    public static void write(byte[] wire, int count, int i, ByteBuf out) {
        int from = offset(wire, count, i);
        out.writeBytes(wire, from, 4 + Math.max(0, lengthAt(wire, from)));
    }

    @Override
    public void writeAll(ByteBuf out) {
        out.writeBytes(wire);
    }

    /** Value {@code i} as a read-only buffer; null for null, {@link Values#UNSET_VALUE} for unset. */
    public ByteBuffer value(int i) {
        int at = offset(i);
        int len = lengthAt(at);
        if (len == NULL) return null;
        if (len == UNSET) return Values.UNSET_VALUE;
        return ByteBuffer.wrap(wire, at + 4, len).slice().asReadOnlyBuffer();
    }

    /** Every value, as {@link #value(int)} gives it. */
    public List<ByteBuffer> values() {
        List<ByteBuffer> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(value(i));
        return Collections.unmodifiableList(out);
    }

    @Override
    public String toString() {
        return "BoundValues(" + count + ", " + wire.length + " bytes)";
    }
}
