package io.jsylla.testkit.ceiling;

import static io.jsylla.testkit.ceiling.Wire.INET;
import static io.jsylla.testkit.ceiling.Wire.INT;
import static io.jsylla.testkit.ceiling.Wire.SET_OF_TEXT;
import static io.jsylla.testkit.ceiling.Wire.TEXT;

import io.jsylla.testkit.ceiling.Wire.Column;
import io.jsylla.testkit.ceiling.Wire.CqlError;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The system tables of the fake one-node cluster "ceiling": what drivers read to discover it
 * (one row in system.local, no peers), and empty results for every other system table, so
 * that schema metadata comes out empty rather than failing.
 */
final class SystemTables {
    static final String CLUSTER = "ceiling", DATACENTER = "dc1", RACK = "rack1", RELEASE = "5.0.9",
            CQL_VERSION = "3.4.7", PARTITIONER = "org.apache.cassandra.dht.Murmur3Partitioner";
    /** Fixed, so that a driver reconnecting to a restarted server sees the same node and schema. */
    static final UUID HOST_ID = UUID.fromString("ce11ce11-0000-4000-8000-000000000001"),
            SCHEMA_VERSION = UUID.fromString("ce11ce11-0000-4000-8000-000000000002");

    /** Columns as `SELECT *` lists them: partition key first, then the rest by name, as Cassandra does. */
    static final List<Column> LOCAL = List.of(col("key", TEXT), col("bootstrapped", TEXT),
            col("broadcast_address", INET), col("broadcast_port", INT), col("cluster_name", TEXT),
            col("cql_version", TEXT), col("data_center", TEXT), col("host_id", Wire.UUID),
            col("listen_address", INET), col("listen_port", INT), col("native_port", INT),
            col("native_protocol_version", TEXT), col("partitioner", TEXT), col("rack", TEXT),
            col("release_version", TEXT), col("rpc_address", INET), col("rpc_port", INT),
            col("schema_version", Wire.UUID), col("tokens", SET_OF_TEXT));
    static final List<Column> PEERS_V2 = List.of(col("peer", INET), col("peer_port", INT),
            col("data_center", TEXT), col("host_id", Wire.UUID), col("native_address", INET),
            col("native_port", INT), col("preferred_ip", INET), col("preferred_port", INT), col("rack", TEXT),
            col("release_version", TEXT), col("schema_version", Wire.UUID), col("tokens", SET_OF_TEXT));
    static final List<Column> PEERS = List.of(col("peer", INET), col("data_center", TEXT),
            col("host_id", Wire.UUID), col("preferred_ip", INET), col("rack", TEXT), col("release_version", TEXT),
            col("rpc_address", INET), col("schema_version", Wire.UUID), col("tokens", SET_OF_TEXT));
    /** What an empty system table such as system_schema.keyspaces says it holds, for `SELECT *`. */
    private static final List<Column> ANY = List.of(col("keyspace_name", TEXT));

    private final Map<String, byte[]> local = new HashMap<>();

    SystemTables(InetSocketAddress address) {
        byte[] ip = address.getAddress().getAddress();
        byte[] port = ByteBuffer.allocate(4).putInt(address.getPort()).array();
        byte[] gossipPort = ByteBuffer.allocate(4).putInt(7000).array();
        local.put("key", text("local"));
        local.put("bootstrapped", text("COMPLETED"));
        for (String c : List.of("broadcast_address", "listen_address", "rpc_address")) local.put(c, ip);
        local.put("broadcast_port", gossipPort);
        local.put("listen_port", gossipPort);
        local.put("rpc_port", port);
        local.put("native_port", port);
        local.put("cluster_name", text(CLUSTER));
        local.put("cql_version", text(CQL_VERSION));
        local.put("data_center", text(DATACENTER));
        local.put("rack", text(RACK));
        local.put("host_id", uuid(HOST_ID));
        local.put("schema_version", uuid(SCHEMA_VERSION));
        local.put("partitioner", text(PARTITIONER));
        local.put("release_version", text(RELEASE));
        local.put("native_protocol_version", text("4"));
        // set<text> {'0'}: [int] element count, then each element as [bytes]
        local.put("tokens", ByteBuffer.allocate(9).putInt(1).putInt(1).put((byte) '0').array());
    }

    /** The address to advertise: a wildcard bind is reachable on loopback, not at 0.0.0.0. */
    static InetSocketAddress advertised(InetSocketAddress bound) {
        InetAddress a = bound.getAddress();
        return a.isAnyLocalAddress() ? new InetSocketAddress(InetAddress.getLoopbackAddress(), bound.getPort()) : bound;
    }

    /** The columns of {@code keyspace.table} that a selection names (null for `*`), in its order. */
    static List<Column> columns(String keyspace, String table, List<String> selection) {
        List<Column> all = definition(keyspace, table);
        if (selection == null) return all == null ? ANY : all;
        List<Column> out = new ArrayList<>(selection.size());
        for (String name : selection) {
            if (all == null) {
                out.add(col(name, TEXT)); // an empty table: any column is plausible, its type unread
                continue;
            }
            Column found = all.stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new CqlError(Wire.INVALID,
                            "Undefined column name " + name + " in table " + keyspace + "." + table));
            out.add(found);
        }
        return out;
    }

    /** A RESULT Rows body: system.local's one row, or no row for any other system table. */
    byte[] rows(String keyspace, String table, List<Column> columns, boolean skipMetadata) {
        boolean isLocal = LOCAL == definition(keyspace, table);
        return Wire.encode(b -> {
            b.writeInt(Wire.ROWS);
            Wire.writeRowsMetadata(b, keyspace, table, columns, skipMetadata, null);
            b.writeInt(isLocal ? 1 : 0);
            if (isLocal) for (Column c : columns) Wire.writeBytes(b, local.get(c.name()));
        });
    }

    private static List<Column> definition(String keyspace, String table) {
        if (!keyspace.equals("system")) return null;
        return switch (table) {
            case "local" -> LOCAL;
            case "peers_v2" -> PEERS_V2;
            case "peers" -> PEERS;
            default -> null;
        };
    }

    private static Column col(String name, byte[] type) {
        return new Column(name, type);
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] uuid(UUID u) {
        return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
    }
}
