package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** {@code inet}: the 4 or 16 address bytes, no port. */
final class InetCodec extends AbstractCodec {

    InetCodec() {
        super(DataType.INET);
    }

    @Override
    public void encode(Object value, ByteBuf out) {
        if (!(value instanceof InetAddress a)) throw cannotBind(value);
        out.writeBytes(a.getAddress());
    }

    /**
     * Zero-length ("empty") decodes to null. 16 bytes always give an Inet6Address, even an IPv4-mapped
     * one (which InetAddress.getByAddress would turn into 4 bytes), so values round-trip unchanged.
     */
    @Override
    public Object decode(ByteBuf src, int index, int length) {
        if (length == 0) return null;
        if (length != 4 && length != 16) {
            throw new CodecException("wrong length for inet: " + length + " bytes, expected 4 or 16");
        }
        byte[] bytes = new byte[length];
        src.getBytes(index, bytes);
        try {
            return length == 4 ? InetAddress.getByAddress(bytes) : Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new CodecException("invalid inet value", e); // unreachable: the length was checked
        }
    }
}
