package io.jsylla;

import java.util.ArrayList;
import java.util.List;

/** A user-defined type of a keyspace. */
public record UserTypeMetadata(String keyspace, String name, List<String> fieldNames, List<DataType> fieldTypes) {
    public UserTypeMetadata {
        fieldNames = List.copyOf(fieldNames);
        fieldTypes = List.copyOf(fieldTypes);
    }

    /** The type as a (non-frozen) {@link DataType}. */
    public DataType toDataType() {
        return DataType.udt(keyspace, name, false, fieldNames, fieldTypes);
    }

    /** {@code CREATE TYPE} for this type. */
    public String describe() {
        return describe(keyspace);
    }

    /** {@code CREATE TYPE} for this type in another keyspace (the types it uses are looked up there). */
    public String describe(String asKeyspace) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < fieldNames.size(); i++) {
            fields.add("    " + CqlIdentifiers.quote(fieldNames.get(i)) + " " + ColumnMetadata.cql(fieldTypes.get(i)));
        }
        return "CREATE TYPE " + CqlIdentifiers.quote(asKeyspace) + "." + CqlIdentifiers.quote(name) + " (\n"
                + String.join(",\n", fields) + "\n);";
    }
}
