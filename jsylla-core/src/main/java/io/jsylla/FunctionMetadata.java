package io.jsylla;

import java.util.ArrayList;
import java.util.List;

/** A user-defined function; functions are overloaded, so a keyspace keys them by {@link #signature()}. */
public record FunctionMetadata(String keyspace, String name, List<String> argumentNames, List<DataType> argumentTypes,
                               DataType returnType, boolean calledOnNullInput, String language, String body) {
    public FunctionMetadata {
        argumentNames = List.copyOf(argumentNames);
        argumentTypes = List.copyOf(argumentTypes);
    }

    /** Name and argument types, e.g. {@code plus(int, int)}: what tells overloads apart. */
    public String signature() {
        return signature(name, argumentTypes);
    }

    static String signature(String name, List<DataType> types) {
        List<String> args = new ArrayList<>();
        for (DataType t : types) args.add(ColumnMetadata.cql(t));
        return CqlIdentifiers.quote(name) + "(" + String.join(", ", args) + ")";
    }

    /** {@code CREATE FUNCTION} recreating this function. */
    public String describe() {
        return describe(keyspace);
    }

    /** {@link #describe()} for the same function in another keyspace. */
    public String describe(String asKeyspace) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < argumentNames.size(); i++) {
            args.add(CqlIdentifiers.quote(argumentNames.get(i)) + " " + ColumnMetadata.cql(argumentTypes.get(i)));
        }
        // $$...$$ needs no escaping but cannot hold a '$' next to its end; a quoted string can hold anything.
        String quotedBody = body.contains("$") ? "'" + body.replace("'", "''") + "'" : "$$" + body + "$$";
        return "CREATE FUNCTION " + CqlIdentifiers.quote(asKeyspace) + "." + CqlIdentifiers.quote(name)
                + "(" + String.join(", ", args) + ")\n"
                + "    " + (calledOnNullInput ? "CALLED" : "RETURNS NULL") + " ON NULL INPUT\n"
                + "    RETURNS " + ColumnMetadata.cql(returnType) + "\n"
                + "    LANGUAGE " + language + "\n"
                + "    AS " + quotedBody + ";";
    }
}
