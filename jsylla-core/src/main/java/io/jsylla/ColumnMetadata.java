package io.jsylla;

import java.util.ArrayList;
import java.util.List;

/**
 * A column of a table or materialized view.
 *
 * @param position place within its kind (partition key or clustering component), else -1
 * @param descending whether a clustering column sorts in descending order
 */
public record ColumnMetadata(String name, DataType type, Kind kind, int position, boolean descending) {
    /** The role of a column in its table. */
    public enum Kind { PARTITION_KEY, CLUSTERING, REGULAR, STATIC }

    /** The column as a {@code CREATE TABLE} line: {@code name type [static]}. */
    @Override
    public String toString() {
        return CqlIdentifiers.quote(name) + " " + cql(type) + (kind == Kind.STATIC ? " static" : "");
    }

    /**
     * A type as CQL DDL takes it. Unlike {@link DataType#toString()}, a user type whose name is a
     * reserved word ({@code "order"}) is quoted, so the statement parses.
     */
    static String cql(DataType t) {
        List<String> args = new ArrayList<>();
        for (DataType a : t.typeArguments()) args.add(cql(a));
        String s = switch (t.kind()) {
            case LIST -> "list<" + args.get(0) + ">";
            case SET -> "set<" + args.get(0) + ">";
            case MAP -> "map<" + args.get(0) + ", " + args.get(1) + ">";
            case TUPLE -> "tuple<" + String.join(", ", args) + ">";
            case UDT -> CqlIdentifiers.quote(t.name());
            case VECTOR -> "vector<" + args.get(0) + ", " + t.dimension() + ">";
            default -> t.toString();
        };
        return t.isFrozen() && (t.isCollection() || t.kind() == DataType.Kind.UDT) ? "frozen<" + s + ">" : s;
    }
}
