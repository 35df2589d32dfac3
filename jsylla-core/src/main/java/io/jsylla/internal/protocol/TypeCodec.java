package io.jsylla.internal.protocol;

import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;

import java.util.ArrayList;
import java.util.List;

/**
 * The [option] form of a CQL type in result and prepared metadata. The protocol does not say
 * whether a collection or UDT is frozen, so those come back unfrozen; tuples are always frozen.
 * Types without an id of their own (vectors...) travel as a custom marshal class name.
 */
public final class TypeCodec {

    static final int CUSTOM = 0x0000;
    static final int LIST = 0x0020;
    static final int MAP = 0x0021;
    static final int SET = 0x0022;
    static final int UDT = 0x0030;
    static final int TUPLE = 0x0031;
    /** Nesting deeper than any real schema; bounds recursion on hostile input. */
    static final int MAX_DEPTH = 64;

    private TypeCodec() {
    }

    public static DataType read(ByteBuf in) {
        return read(in, 0);
    }

    private static DataType read(ByteBuf in, int depth) {
        if (depth > MAX_DEPTH) throw new CodecException("type nested deeper than " + MAX_DEPTH + " levels");
        int id = in.readUnsignedShort();
        return switch (id) {
            case CUSTOM -> fromMarshalClass(Wire.readString(in));
            case 0x0001 -> DataType.ASCII;
            case 0x0002 -> DataType.BIGINT;
            case 0x0003 -> DataType.BLOB;
            case 0x0004 -> DataType.BOOLEAN;
            case 0x0005 -> DataType.COUNTER;
            case 0x0006 -> DataType.DECIMAL;
            case 0x0007 -> DataType.DOUBLE;
            case 0x0008 -> DataType.FLOAT;
            case 0x0009 -> DataType.INT;
            case 0x000A, 0x000D -> DataType.TEXT; // 0x000A: the "text" id of protocol v1, still seen from old servers
            case 0x000B -> DataType.TIMESTAMP;
            case 0x000C -> DataType.UUID;
            case 0x000E -> DataType.VARINT;
            case 0x000F -> DataType.TIMEUUID;
            case 0x0010 -> DataType.INET;
            case 0x0011 -> DataType.DATE;
            case 0x0012 -> DataType.TIME;
            case 0x0013 -> DataType.SMALLINT;
            case 0x0014 -> DataType.TINYINT;
            case 0x0015 -> DataType.DURATION;
            case LIST -> DataType.list(read(in, depth + 1));
            case MAP -> {
                DataType key = read(in, depth + 1);
                yield DataType.map(key, read(in, depth + 1));
            }
            case SET -> DataType.set(read(in, depth + 1));
            case UDT -> {
                String keyspace = Wire.readString(in);
                String name = Wire.readString(in);
                int n = in.readUnsignedShort();
                List<String> fieldNames = new ArrayList<>();
                List<DataType> fieldTypes = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    fieldNames.add(Wire.readString(in));
                    fieldTypes.add(read(in, depth + 1));
                }
                yield DataType.udt(keyspace, name, false, fieldNames, fieldTypes);
            }
            case TUPLE -> {
                int n = in.readUnsignedShort();
                List<DataType> components = new ArrayList<>();
                for (int i = 0; i < n; i++) components.add(read(in, depth + 1));
                yield DataType.tuple(components);
            }
            default -> throw new CodecException(String.format("unknown type option id 0x%04X", id));
        };
    }

    public static void write(DataType type, ByteBuf out) {
        switch (type.kind()) {
            case ASCII -> out.writeShort(0x0001);
            case BIGINT -> out.writeShort(0x0002);
            case BLOB -> out.writeShort(0x0003);
            case BOOLEAN -> out.writeShort(0x0004);
            case COUNTER -> out.writeShort(0x0005);
            case DECIMAL -> out.writeShort(0x0006);
            case DOUBLE -> out.writeShort(0x0007);
            case FLOAT -> out.writeShort(0x0008);
            case INT -> out.writeShort(0x0009);
            case TIMESTAMP -> out.writeShort(0x000B);
            case UUID -> out.writeShort(0x000C);
            case TEXT -> out.writeShort(0x000D);
            case VARINT -> out.writeShort(0x000E);
            case TIMEUUID -> out.writeShort(0x000F);
            case INET -> out.writeShort(0x0010);
            case DATE -> out.writeShort(0x0011);
            case TIME -> out.writeShort(0x0012);
            case SMALLINT -> out.writeShort(0x0013);
            case TINYINT -> out.writeShort(0x0014);
            case DURATION -> out.writeShort(0x0015);
            case LIST, SET -> {
                out.writeShort(type.kind() == DataType.Kind.LIST ? LIST : SET);
                write(type.typeArguments().get(0), out);
            }
            case MAP -> {
                out.writeShort(MAP);
                write(type.typeArguments().get(0), out);
                write(type.typeArguments().get(1), out);
            }
            case UDT -> {
                out.writeShort(UDT);
                Wire.writeString(type.keyspace(), out);
                Wire.writeString(type.name(), out);
                Wire.writeCount(type.fieldNames().size(), out, "UDT fields");
                for (int i = 0; i < type.fieldNames().size(); i++) {
                    Wire.writeString(type.fieldNames().get(i), out);
                    write(type.typeArguments().get(i), out);
                }
            }
            case TUPLE -> {
                out.writeShort(TUPLE);
                Wire.writeCount(type.typeArguments().size(), out, "tuple components");
                for (DataType component : type.typeArguments()) write(component, out);
            }
            case VECTOR, CUSTOM -> {
                out.writeShort(CUSTOM);
                Wire.writeString(MarshalTypes.toMarshalClass(type), out);
            }
        }
    }

    /** The type a server-side marshal class name denotes, e.g. {@code ...VectorType(...FloatType,3)}. */
    public static DataType fromMarshalClass(String className) {
        return MarshalTypes.parse(className);
    }

    /** The marshal class name of a type, the inverse of {@link #fromMarshalClass}. */
    public static String toMarshalClass(DataType type) {
        return MarshalTypes.toMarshalClass(type);
    }
}
