package io.jsylla.internal.codec;

import io.jsylla.DataType;
import io.jsylla.Unset;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The codec of each CQL type, and the entry points the protocol and session layers call. */
public final class Codecs {

    /**
     * Returned by {@link #encodeForColumn} for {@link Unset#VALUE}: the protocol's own identity
     * marker, which it writes as the [value] length -2. Compare with {@code ==}, never equals().
     */
    public static final ByteBuffer UNSET = io.jsylla.internal.protocol.Values.UNSET_VALUE;

    private static final Codec[] PRIMITIVES = new Codec[DataType.Kind.VARINT.ordinal() + 1];
    private static final ConcurrentHashMap<DataType, Codec> COMPOSITES = new ConcurrentHashMap<>();

    static {
        for (DataType.Kind kind : DataType.Kind.values()) {
            if (kind.isPrimitive()) PRIMITIVES[kind.ordinal()] = primitive(DataType.primitive(kind));
        }
    }

    private Codecs() {
    }

    /** The codec of type; equal types get the same instance. */
    public static Codec of(DataType type) {
        if (type.kind().isPrimitive()) return PRIMITIVES[type.kind().ordinal()];
        Codec codec = COMPOSITES.get(type);
        if (codec != null) return codec;
        // Built outside the map: computeIfAbsent must not recurse into the map for element codecs.
        codec = composite(type);
        Codec raced = COMPOSITES.putIfAbsent(type, codec);
        return raced != null ? raced : codec;
    }

    /**
     * Encodes a value bound to a column/variable named name of type type; null for null, {@link #UNSET}
     * for {@link Unset#VALUE}. IllegalArgumentException naming the column, its type and the value's
     * Java type if the value does not convert.
     */
    public static ByteBuffer encodeForColumn(String name, DataType type, Object value) {
        if (value == null) return null;
        if (value == Unset.VALUE) return UNSET;
        try {
            return of(type).encodeToBuffer(value);
        } catch (CodecException e) {
            throw notConvertible(name, type, value, e);
        }
    }

    /**
     * Appends the serialized value (no length prefix) to {@code out}; the same conversions and
     * errors as {@link #encodeForColumn}. {@code value} is neither null nor unset.
     */
    public static void writeForColumn(String name, DataType type, Object value, ByteBuf out) {
        int start = out.writerIndex();
        try {
            of(type).encode(value, out);
        } catch (CodecException e) {
            out.writerIndex(start);
            throw notConvertible(name, type, value, e);
        }
    }

    /** The error for a value bound to a column it does not convert to: the column, its type, the value. */
    static IllegalArgumentException notConvertible(String name, DataType type, Object value, CodecException e) {
        return new IllegalArgumentException("Cannot bind value for column '" + name + "' (" + type + "): "
                + Literals.describe(value) + " is not convertible (" + e.getMessage() + ")", e);
    }

    /** Decodes a column value or null when {@code length < 0}. */
    public static Object decode(DataType type, ByteBuf src, int index, int length) {
        return length < 0 ? null : of(type).decode(src, index, length);
    }

    /**
     * value converted to type's natural Java type, as a round trip through the wire format would
     * give it (an Integer for an int given as a Long, an unmodifiable List...); CodecException if
     * it does not convert. For value objects that must stay encodable; not a hot path.
     */
    public static Object normalize(DataType type, Object value) {
        if (value == null) return null;
        Codec codec = of(type);
        ByteBuf buf = Unpooled.buffer();
        try {
            codec.encode(value, buf);
            return codec.decode(buf, buf.readerIndex(), buf.readableBytes());
        } finally {
            buf.release();
        }
    }

    private static Codec primitive(DataType type) {
        return switch (type.kind()) {
            case ASCII, TEXT -> new TextCodec(type);
            case BIGINT, COUNTER -> new IntegerCodec(type, 8);
            case INT -> new IntegerCodec(type, 4);
            case SMALLINT -> new IntegerCodec(type, 2);
            case TINYINT -> new IntegerCodec(type, 1);
            case BLOB -> new BlobCodec(type);
            case BOOLEAN -> new BooleanCodec();
            case DATE -> new DateCodec();
            case DECIMAL -> new DecimalCodec();
            case DOUBLE -> new DoubleCodec();
            case DURATION -> new DurationCodec();
            case FLOAT -> new FloatCodec();
            case INET -> new InetCodec();
            case TIME -> new TimeCodec();
            case TIMESTAMP -> new TimestampCodec();
            case TIMEUUID, UUID -> new UuidCodec(type);
            case VARINT -> new VarintCodec();
            default -> throw new AssertionError(type);
        };
    }

    private static Codec composite(DataType type) {
        List<DataType> args = type.typeArguments();
        return switch (type.kind()) {
            case LIST, SET -> new CollectionCodec(type, of(args.get(0)));
            case MAP -> new MapCodec(type, of(args.get(0)), of(args.get(1)));
            case TUPLE -> new TupleCodec(type, codecs(args));
            case UDT -> new UdtCodec(type, codecs(args));
            case VECTOR -> new VectorCodec(type, of(args.get(0)));
            case CUSTOM -> new BlobCodec(type);
            default -> throw new AssertionError(type);
        };
    }

    private static List<Codec> codecs(List<DataType> types) {
        List<Codec> codecs = new ArrayList<>(types.size());
        for (DataType t : types) codecs.add(of(t));
        return codecs;
    }
}
