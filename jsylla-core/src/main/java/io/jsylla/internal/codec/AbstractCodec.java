package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;

/** Shared plumbing of the codecs: the type they serve and uniformly worded errors. */
abstract class AbstractCodec implements Codec {

    protected final DataType type;

    AbstractCodec(DataType type) {
        this.type = type;
    }

    @Override
    public final DataType type() {
        return type;
    }

    /** "cannot bind java.lang.String to int": the value's Java type has no conversion to this CQL type. */
    final CodecException cannotBind(Object value) {
        return new CodecException("cannot bind " + value.getClass().getName() + " to " + type);
    }

    /** "70000 out of range for smallint". */
    final CodecException outOfRange(Object value) {
        return new CodecException(value + " out of range for " + type);
    }

    /** Rejects a fixed-width value whose length is not the width (zero-length is handled by the caller). */
    final void checkLength(int length, int expected) {
        if (length != expected) {
            throw new CodecException("wrong length for " + type + ": " + length + " bytes, expected " + expected);
        }
    }

    /**
     * Writes value as [bytes] (-1 for null) with codec. The length is patched in after encoding,
     * so nested values are serialized once, straight into out.
     */
    static void writeBytes(Codec codec, Object value, ByteBuf out) {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        codec.encode(value, out);
        out.setInt(lengthIndex, out.writerIndex() - lengthIndex - 4);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + type + ")";
    }
}
