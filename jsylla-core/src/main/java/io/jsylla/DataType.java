package io.jsylla;

import java.util.List;
import java.util.Objects;

/**
 * A CQL type, as a column's metadata or a bound variable reports it: {@code int},
 * {@code map<text, frozen<list<int>>>}, a user-defined type, a {@code vector<float, 3>}...
 * Immutable; {@link #toString()} is the type in CQL syntax.
 */
public final class DataType {

    /** The kinds of CQL types. {@code varchar} is {@link #TEXT}. */
    public enum Kind {
        ASCII, BIGINT, BLOB, BOOLEAN, COUNTER, DATE, DECIMAL, DOUBLE, DURATION, FLOAT, INET, INT,
        SMALLINT, TEXT, TIME, TIMESTAMP, TIMEUUID, TINYINT, UUID, VARINT,
        LIST, SET, MAP, TUPLE, UDT, VECTOR, CUSTOM;

        /** Whether a type of this kind has no type arguments. */
        public boolean isPrimitive() {
            return ordinal() <= VARINT.ordinal();
        }
    }

    public static final DataType ASCII = new DataType(Kind.ASCII);
    public static final DataType BIGINT = new DataType(Kind.BIGINT);
    public static final DataType BLOB = new DataType(Kind.BLOB);
    public static final DataType BOOLEAN = new DataType(Kind.BOOLEAN);
    public static final DataType COUNTER = new DataType(Kind.COUNTER);
    public static final DataType DATE = new DataType(Kind.DATE);
    public static final DataType DECIMAL = new DataType(Kind.DECIMAL);
    public static final DataType DOUBLE = new DataType(Kind.DOUBLE);
    public static final DataType DURATION = new DataType(Kind.DURATION);
    public static final DataType FLOAT = new DataType(Kind.FLOAT);
    public static final DataType INET = new DataType(Kind.INET);
    public static final DataType INT = new DataType(Kind.INT);
    public static final DataType SMALLINT = new DataType(Kind.SMALLINT);
    public static final DataType TEXT = new DataType(Kind.TEXT);
    public static final DataType TIME = new DataType(Kind.TIME);
    public static final DataType TIMESTAMP = new DataType(Kind.TIMESTAMP);
    public static final DataType TIMEUUID = new DataType(Kind.TIMEUUID);
    public static final DataType TINYINT = new DataType(Kind.TINYINT);
    public static final DataType UUID = new DataType(Kind.UUID);
    public static final DataType VARINT = new DataType(Kind.VARINT);

    private static final DataType[] PRIMITIVES = {ASCII, BIGINT, BLOB, BOOLEAN, COUNTER, DATE, DECIMAL,
            DOUBLE, DURATION, FLOAT, INET, INT, SMALLINT, TEXT, TIME, TIMESTAMP, TIMEUUID, TINYINT, UUID, VARINT};

    private final Kind kind;
    private final List<DataType> arguments;
    private final boolean frozen;
    private final String keyspace;      // UDT
    private final String name;          // UDT name, or CUSTOM class name
    private final List<String> fieldNames; // UDT
    private final int dimension;        // VECTOR

    private DataType(Kind kind) {
        this(kind, List.of(), false, null, null, List.of(), 0);
    }

    private DataType(Kind kind, List<DataType> arguments, boolean frozen, String keyspace, String name,
                     List<String> fieldNames, int dimension) {
        this.kind = kind;
        this.arguments = List.copyOf(arguments);
        this.frozen = frozen;
        this.keyspace = keyspace;
        this.name = name;
        this.fieldNames = List.copyOf(fieldNames);
        this.dimension = dimension;
    }

    /** The primitive type of a kind, e.g. {@code primitive(Kind.INT) == DataType.INT}. */
    public static DataType primitive(Kind kind) {
        if (!kind.isPrimitive()) throw new IllegalArgumentException(kind + " is not a primitive type");
        return PRIMITIVES[kind.ordinal()];
    }

    public static DataType list(DataType element) {
        return list(element, false);
    }

    public static DataType list(DataType element, boolean frozen) {
        return new DataType(Kind.LIST, List.of(element), frozen, null, null, List.of(), 0);
    }

    public static DataType set(DataType element) {
        return set(element, false);
    }

    public static DataType set(DataType element, boolean frozen) {
        return new DataType(Kind.SET, List.of(element), frozen, null, null, List.of(), 0);
    }

    public static DataType map(DataType key, DataType value) {
        return map(key, value, false);
    }

    public static DataType map(DataType key, DataType value, boolean frozen) {
        return new DataType(Kind.MAP, List.of(key, value), frozen, null, null, List.of(), 0);
    }

    /** A tuple; tuples are always frozen. */
    public static DataType tuple(List<DataType> components) {
        return new DataType(Kind.TUPLE, components, true, null, null, List.of(), 0);
    }

    public static DataType tuple(DataType... components) {
        return tuple(List.of(components));
    }

    public static DataType udt(String keyspace, String name, boolean frozen, List<String> fieldNames,
                               List<DataType> fieldTypes) {
        if (fieldNames.size() != fieldTypes.size()) {
            throw new IllegalArgumentException("UDT " + name + ": " + fieldNames.size() + " names for "
                    + fieldTypes.size() + " types");
        }
        return new DataType(Kind.UDT, fieldTypes, frozen, Objects.requireNonNull(keyspace, "keyspace"),
                Objects.requireNonNull(name, "name"), fieldNames, 0);
    }

    /** A {@code vector<element, dimension>} (Cassandra 5). */
    public static DataType vector(DataType element, int dimension) {
        if (dimension < 1) throw new IllegalArgumentException("vector dimension must be positive: " + dimension);
        return new DataType(Kind.VECTOR, List.of(element), true, null, null, List.of(), dimension);
    }

    /** A custom type, by its server-side class name. */
    public static DataType custom(String className) {
        return new DataType(Kind.CUSTOM, List.of(), false, null, Objects.requireNonNull(className, "className"),
                List.of(), 0);
    }

    /** This type, frozen (collections and UDTs); other types are returned as they are. */
    public DataType frozen() {
        if (frozen || kind.isPrimitive() || kind == Kind.CUSTOM) return this;
        return new DataType(kind, arguments, true, keyspace, name, fieldNames, dimension);
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Element type of a list, set or vector; key and value of a map; components of a tuple;
     * field types of a UDT. Empty for other types.
     */
    public List<DataType> typeArguments() {
        return arguments;
    }

    public boolean isFrozen() {
        return frozen;
    }

    public boolean isCollection() {
        return kind == Kind.LIST || kind == Kind.SET || kind == Kind.MAP;
    }

    /** Keyspace of a UDT, else null. */
    public String keyspace() {
        return keyspace;
    }

    /** Name of a UDT, or class name of a custom type, else null. */
    public String name() {
        return name;
    }

    /** Field names of a UDT, in order; empty for other types. */
    public List<String> fieldNames() {
        return fieldNames;
    }

    /** Dimension of a vector, else 0. */
    public int dimension() {
        return dimension;
    }

    /** The type in CQL syntax, e.g. {@code map<text, frozen<list<int>>>}. */
    @Override
    public String toString() {
        String s = switch (kind) {
            case LIST -> "list<" + arguments.get(0) + ">";
            case SET -> "set<" + arguments.get(0) + ">";
            case MAP -> "map<" + arguments.get(0) + ", " + arguments.get(1) + ">";
            case TUPLE -> {
                StringBuilder b = new StringBuilder("tuple<");
                for (int i = 0; i < arguments.size(); i++) b.append(i == 0 ? "" : ", ").append(arguments.get(i));
                yield b.append('>').toString();
            }
            case UDT -> CqlIdentifiers.quote(name);
            case VECTOR -> "vector<" + arguments.get(0) + ", " + dimension + ">";
            case CUSTOM -> "'" + name + "'";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
        boolean showFrozen = frozen && (isCollection() || kind == Kind.UDT);
        return showFrozen ? "frozen<" + s + ">" : s;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof DataType t)) return false;
        return kind == t.kind && frozen == t.frozen && dimension == t.dimension && arguments.equals(t.arguments)
                && Objects.equals(keyspace, t.keyspace) && Objects.equals(name, t.name) && fieldNames.equals(t.fieldNames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, arguments, frozen, keyspace, name, fieldNames, dimension);
    }
}
