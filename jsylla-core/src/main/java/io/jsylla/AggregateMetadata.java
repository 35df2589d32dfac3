package io.jsylla;

import java.util.List;
import java.util.Optional;

/**
 * A user-defined aggregate; keyed in its keyspace by {@link #signature()}, as functions are.
 *
 * @param stateFunction name of the state function, in the same keyspace
 * @param finalFunction name of the final function, or null
 * @param initCond the initial state as a CQL literal ({@code 0}, {@code (0, 0)}), or null
 */
public record AggregateMetadata(String keyspace, String name, List<DataType> argumentTypes, String stateFunction,
                                DataType stateType, String finalFunction, String initCond, DataType returnType) {
    public AggregateMetadata {
        argumentTypes = List.copyOf(argumentTypes);
    }

    /** Name and argument types, e.g. {@code average(int)}. */
    public String signature() {
        return FunctionMetadata.signature(name, argumentTypes);
    }

    public Optional<String> getFinalFunction() {
        return Optional.ofNullable(finalFunction);
    }

    public Optional<String> getInitCond() {
        return Optional.ofNullable(initCond);
    }

    /** {@code CREATE AGGREGATE} recreating this aggregate. */
    public String describe() {
        return describe(keyspace);
    }

    /** {@link #describe()} for the same aggregate in another keyspace, whose functions it then uses. */
    public String describe(String asKeyspace) {
        return "CREATE AGGREGATE " + CqlIdentifiers.quote(asKeyspace) + "." + signature() + "\n"
                + "    SFUNC " + CqlIdentifiers.quote(stateFunction) + "\n"
                + "    STYPE " + ColumnMetadata.cql(stateType)
                + (finalFunction == null ? "" : "\n    FINALFUNC " + CqlIdentifiers.quote(finalFunction))
                + (initCond == null ? "" : "\n    INITCOND " + initCond) + ";";
    }
}
