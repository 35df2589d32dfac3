package io.jsylla.internal.codec;

import io.jsylla.CqlVector;
import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code vector<T, n>} (Cassandra 5's VectorType): n elements back to back, no count. Elements of a
 * fixed-length type (see {@link Codec#fixedLength()}) are written bare; others are each preceded by
 * their length as an [unsigned vint]. Binds a CqlVector, a Collection of n elements, or a primitive
 * array matching the element type (float[], double[], int[], long[] for bigint).
 */
final class VectorCodec extends AbstractCodec {

    private final Codec element;
    private final int dimension;
    private final int elementLength;
    private final DataType.Kind elementKind;

    VectorCodec(DataType type, Codec element) {
        super(type);
        this.element = element;
        this.dimension = type.dimension();
        this.elementLength = element.fixedLength();
        this.elementKind = element.type().kind();
    }

    @Override
    public void encode(Object value, ByteBuf out) {
        if (value instanceof CqlVector<?> v) {
            encodeAll(v.toList(), out);
        } else if (value instanceof Collection<?> c) {
            encodeAll(c, out);
        } else if (value instanceof float[] a && elementKind == DataType.Kind.FLOAT) {
            checkSize(a.length);
            for (float f : a) out.writeFloat(f);
        } else if (value instanceof double[] a && elementKind == DataType.Kind.DOUBLE) {
            checkSize(a.length);
            for (double d : a) out.writeDouble(d);
        } else if (value instanceof int[] a && elementKind == DataType.Kind.INT) {
            checkSize(a.length);
            for (int i : a) out.writeInt(i);
        } else if (value instanceof long[] a && elementKind == DataType.Kind.BIGINT) {
            checkSize(a.length);
            for (long l : a) out.writeLong(l);
        } else {
            throw cannotBind(value);
        }
    }

    private void encodeAll(Collection<?> elements, ByteBuf out) {
        checkSize(elements.size());
        ByteBuf scratch = elementLength < 0 ? Unpooled.buffer() : null;
        try {
            for (Object e : elements) {
                if (e == null) throw new CodecException("null element in " + type);
                if (scratch == null) {
                    element.encode(e, out);
                } else {
                    // The vint length goes first and its size depends on the length: encode aside, then copy.
                    scratch.clear();
                    element.encode(e, scratch);
                    VInts.writeUnsignedVInt(out, scratch.readableBytes());
                    out.writeBytes(scratch);
                }
            }
        } finally {
            if (scratch != null) scratch.release();
        }
    }

    private void checkSize(int size) {
        if (size != dimension) {
            throw new CodecException(type + " needs " + dimension + " elements, got " + size);
        }
    }

    /** Zero-length ("empty") decodes to null, as the server reads it. */
    @Override
    public Object decode(ByteBuf src, int index, int length) {
        if (length == 0) return null;
        List<Object> values = new ArrayList<>(dimension);
        if (elementLength >= 0) {
            checkLength(length, fixedLength());
            for (int i = 0; i < dimension; i++) {
                values.add(element.decode(src, index + i * elementLength, elementLength));
            }
        } else {
            Cursor cursor = new Cursor(src, index, length, type);
            for (int i = 0; i < dimension; i++) {
                long size = cursor.readUnsignedVInt();
                if (size > cursor.remaining()) {
                    throw new CodecException("malformed " + type + " value: element " + i + " of " + size
                            + " bytes, " + cursor.remaining() + " left");
                }
                Object v = cursor.read(element, (int) size);
                if (v == null) throw new CodecException("malformed " + type + " value: element " + i + " is empty");
                values.add(v);
            }
            cursor.expectEnd();
        }
        return CqlVector.of(values);
    }

    @Override
    public int fixedLength() {
        long total = (long) elementLength * dimension;
        return elementLength < 0 || total > Integer.MAX_VALUE ? -1 : (int) total;
    }
}
