package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

import java.util.List;

/**
 * &lt;change_type&gt;&lt;target&gt;&lt;options&gt;, shared by the schema change result and event.
 *
 * @param changeType    CREATED, UPDATED or DROPPED
 * @param target        KEYSPACE, TABLE, TYPE, FUNCTION or AGGREGATE
 * @param name          the table, type, function or aggregate; null for KEYSPACE
 * @param argumentTypes CQL argument types for FUNCTION and AGGREGATE, else empty
 */
public record SchemaChange(String changeType, String target, String keyspace, String name,
                           List<String> argumentTypes) {

    public SchemaChange {
        argumentTypes = argumentTypes == null ? List.of() : List.copyOf(argumentTypes);
    }

    static SchemaChange read(ByteBuf in) {
        String changeType = Wire.readString(in);
        String target = Wire.readString(in);
        String keyspace = Wire.readString(in);
        return switch (target) {
            case "KEYSPACE" -> new SchemaChange(changeType, target, keyspace, null, List.of());
            case "TABLE", "TYPE" -> new SchemaChange(changeType, target, keyspace, Wire.readString(in), List.of());
            case "FUNCTION", "AGGREGATE" ->
                    new SchemaChange(changeType, target, keyspace, Wire.readString(in), Wire.readStringList(in));
            default -> throw new CodecException("unknown schema change target '" + target + "'");
        };
    }

    void write(ByteBuf out) {
        Wire.writeString(changeType, out);
        Wire.writeString(target, out);
        Wire.writeString(keyspace, out);
        if (!target.equals("KEYSPACE")) Wire.writeString(name, out);
        if (target.equals("FUNCTION") || target.equals("AGGREGATE")) Wire.writeStringList(argumentTypes, out);
    }
}
