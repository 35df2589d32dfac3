package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.nio.charset.StandardCharsets;

/** {@code text}/{@code varchar} (UTF-8) and {@code ascii} (7-bit only, checked before sending). */
final class TextCodec extends AbstractCodec {

    private final boolean ascii;

    TextCodec(DataType type) {
        super(type);
        this.ascii = type.kind() == DataType.Kind.ASCII;
    }

    @Override
    public void encode(Object value, ByteBuf out) {
        CharSequence s;
        if (value instanceof String str) {
            s = str;
        } else if (value instanceof Character c) {
            s = String.valueOf(c);
        } else {
            throw cannotBind(value);
        }
        if (ascii) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c > 0x7F) {
                    throw new CodecException(value.getClass().getName() + " " + Literals.format(s)
                            + " has non-ASCII character '" + c + "' at index " + i + ": cannot bind to ascii");
                }
            }
            ByteBufUtil.writeAscii(out, s);
        } else {
            ByteBufUtil.writeUtf8(out, s);
        }
    }

    /** Zero-length decodes to "" (text has no "empty" distinct from the empty string). */
    @Override
    public Object decode(ByteBuf src, int index, int length) {
        if (length == 0) return "";
        return src.toString(index, length, ascii ? StandardCharsets.US_ASCII : StandardCharsets.UTF_8);
    }
}
