package io.jsylla.internal.protocol;

import io.jsylla.DataType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Cassandra's server-side type names ({@code org.apache.cassandra.db.marshal.*}), as custom types
 * carry them: {@code MapType(UTF8Type,FrozenType(ListType(Int32Type)))}. Unknown classes, with or
 * without parameters, become {@link DataType#custom}; known ones with malformed parameters are a
 * {@link CodecException} since they can only come from a broken peer.
 */
final class MarshalTypes {

    static final String PACKAGE = "org.apache.cassandra.db.marshal.";

    private static final Map<String, DataType> PRIMITIVES = Map.ofEntries(
            Map.entry("AsciiType", DataType.ASCII), Map.entry("LongType", DataType.BIGINT),
            Map.entry("BytesType", DataType.BLOB), Map.entry("BooleanType", DataType.BOOLEAN),
            Map.entry("CounterColumnType", DataType.COUNTER), Map.entry("SimpleDateType", DataType.DATE),
            Map.entry("DecimalType", DataType.DECIMAL), Map.entry("DoubleType", DataType.DOUBLE),
            Map.entry("DurationType", DataType.DURATION), Map.entry("FloatType", DataType.FLOAT),
            Map.entry("InetAddressType", DataType.INET), Map.entry("Int32Type", DataType.INT),
            Map.entry("ShortType", DataType.SMALLINT), Map.entry("UTF8Type", DataType.TEXT),
            Map.entry("TimeType", DataType.TIME), Map.entry("TimestampType", DataType.TIMESTAMP),
            Map.entry("TimeUUIDType", DataType.TIMEUUID), Map.entry("ByteType", DataType.TINYINT),
            Map.entry("UUIDType", DataType.UUID), Map.entry("IntegerType", DataType.VARINT),
            Map.entry("DateType", DataType.TIMESTAMP)); // DateType: the pre-2.0 timestamp

    private MarshalTypes() {
    }

    static DataType parse(String className) {
        return parse(className, 0);
    }

    private static DataType parse(String s, int depth) {
        if (depth > TypeCodec.MAX_DEPTH) throw new CodecException("marshal type nested deeper than " + TypeCodec.MAX_DEPTH);
        String type = s.trim();
        int open = type.indexOf('(');
        String name = simpleName(open < 0 ? type : type.substring(0, open).trim());
        if (open < 0) {
            DataType primitive = PRIMITIVES.get(name);
            return primitive != null ? primitive : DataType.custom(type);
        }
        if (!isParameterized(name)) return DataType.custom(type);
        if (!type.endsWith(")")) throw malformed(type, "does not end with ')'");
        List<String> args = splitTopLevel(type.substring(open + 1, type.length() - 1), type);
        return switch (name) {
            case "ListType" -> DataType.list(parse(only(args, 1, type).get(0), depth + 1));
            case "SetType" -> DataType.set(parse(only(args, 1, type).get(0), depth + 1));
            case "MapType" -> DataType.map(parse(only(args, 2, type).get(0), depth + 1), parse(args.get(1), depth + 1));
            case "FrozenType" -> parse(only(args, 1, type).get(0), depth + 1).frozen();
            case "ReversedType" -> parse(only(args, 1, type).get(0), depth + 1);
            case "VectorType" -> DataType.vector(parse(only(args, 2, type).get(0), depth + 1), dimension(args.get(1), type));
            case "TupleType" -> {
                List<DataType> components = new ArrayList<>();
                for (String arg : args) components.add(parse(arg, depth + 1));
                yield DataType.tuple(components);
            }
            default -> userType(args, type, depth); // "UserType"
        };
    }

    private static boolean isParameterized(String name) {
        return switch (name) {
            case "ListType", "SetType", "MapType", "FrozenType", "ReversedType", "VectorType", "TupleType", "UserType" -> true;
            default -> false;
        };
    }

    /** UserType(keyspace, hex name, hex field name:type, ...). */
    private static DataType userType(List<String> args, String type, int depth) {
        if (args.size() < 2) throw malformed(type, "needs a keyspace and a name");
        List<String> fieldNames = new ArrayList<>();
        List<DataType> fieldTypes = new ArrayList<>();
        for (String field : args.subList(2, args.size())) {
            int colon = field.indexOf(':');
            if (colon < 0) throw malformed(type, "field '" + field + "' has no ':'");
            fieldNames.add(unhex(field.substring(0, colon).trim(), type));
            fieldTypes.add(parse(field.substring(colon + 1), depth + 1));
        }
        return DataType.udt(args.get(0).trim(), unhex(args.get(1).trim(), type), false, fieldNames, fieldTypes);
    }

    private static String simpleName(String name) {
        return name.startsWith(PACKAGE) ? name.substring(PACKAGE.length()) : name;
    }

    /** Splits on the commas that are not inside parentheses. */
    private static List<String> splitTopLevel(String params, String type) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < params.length(); i++) {
            char c = params.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth < 0) throw malformed(type, "unbalanced ')'");
            } else if (c == ',' && depth == 0) {
                parts.add(params.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) throw malformed(type, "unbalanced '('");
        if (start < params.length() || !parts.isEmpty()) parts.add(params.substring(start));
        return parts;
    }

    private static List<String> only(List<String> args, int count, String type) {
        if (args.size() != count) throw malformed(type, "expects " + count + " parameter(s), got " + args.size());
        return args;
    }

    private static int dimension(String arg, String type) {
        try {
            int dimension = Integer.parseInt(arg.trim());
            if (dimension > 0) return dimension;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw malformed(type, "invalid vector dimension '" + arg.trim() + "'");
    }

    private static String unhex(String hex, String type) {
        try {
            return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed(type, "'" + hex + "' is not hex");
        }
    }

    private static CodecException malformed(String type, String why) {
        return new CodecException("malformed marshal type '" + type + "': " + why);
    }

    static String toMarshalClass(DataType type) {
        String s = switch (type.kind()) {
            case LIST -> PACKAGE + "ListType(" + toMarshalClass(type.typeArguments().get(0)) + ")";
            case SET -> PACKAGE + "SetType(" + toMarshalClass(type.typeArguments().get(0)) + ")";
            case MAP -> PACKAGE + "MapType(" + toMarshalClass(type.typeArguments().get(0)) + ","
                    + toMarshalClass(type.typeArguments().get(1)) + ")";
            case TUPLE -> PACKAGE + "TupleType(" + join(type.typeArguments()) + ")";
            case VECTOR -> PACKAGE + "VectorType(" + toMarshalClass(type.typeArguments().get(0)) + ","
                    + type.dimension() + ")";
            case UDT -> {
                HexFormat hex = HexFormat.of();
                StringBuilder b = new StringBuilder(PACKAGE).append("UserType(").append(type.keyspace()).append(',')
                        .append(hex.formatHex(type.name().getBytes(StandardCharsets.UTF_8)));
                for (int i = 0; i < type.fieldNames().size(); i++) {
                    b.append(',').append(hex.formatHex(type.fieldNames().get(i).getBytes(StandardCharsets.UTF_8)))
                            .append(':').append(toMarshalClass(type.typeArguments().get(i)));
                }
                yield b.append(')').toString();
            }
            case CUSTOM -> type.name();
            case TIMESTAMP -> PACKAGE + "TimestampType";
            default -> PACKAGE + primitiveName(type);
        };
        boolean wrapFrozen = type.isFrozen() && (type.isCollection() || type.kind() == DataType.Kind.UDT);
        return wrapFrozen ? PACKAGE + "FrozenType(" + s + ")" : s;
    }

    private static String primitiveName(DataType type) {
        for (Map.Entry<String, DataType> e : PRIMITIVES.entrySet()) {
            if (e.getValue().equals(type) && !e.getKey().equals("DateType")) return e.getKey();
        }
        throw new IllegalArgumentException("no marshal class for " + type);
    }

    private static String join(List<DataType> types) {
        StringBuilder b = new StringBuilder();
        for (DataType t : types) b.append(b.length() == 0 ? "" : ",").append(toMarshalClass(t));
        return b.toString();
    }
}
