package io.jsylla.testing;

import static io.jsylla.testing.ServerWire.INET;
import static io.jsylla.testing.ServerWire.INT;
import static io.jsylla.testing.ServerWire.TEXT;

import io.jsylla.testing.ServerWire.Column;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What a scripted node answers to the driver's discovery and schema queries: itself in
 * {@code system.local}, the other nodes in {@code system.peers_v2} / {@code system.peers}
 * (with their native address and port), and no rows from any other system table.
 */
final class SystemTables {
    static final String CLUSTER = "scripted", DATACENTER = "dc1", RACK = "rack1", RELEASE = "4.0.11",
            PARTITIONER = "org.apache.cassandra.dht.Murmur3Partitioner";
    static final UUID SCHEMA_VERSION = UUID.fromString("5c417ed0-0000-4000-8000-000000000001");

    private static final List<Column> LOCAL = List.of(Column.of("key", TEXT), Column.of("bootstrapped", TEXT),
            Column.of("broadcast_address", INET), Column.of("cluster_name", TEXT), Column.of("cql_version", TEXT),
            Column.of("data_center", TEXT), Column.of("host_id", ServerWire.UUID), Column.of("listen_address", INET),
            Column.of("native_protocol_version", TEXT), Column.of("partitioner", TEXT), Column.of("rack", TEXT),
            Column.of("release_version", TEXT), Column.of("rpc_address", INET), Column.of("rpc_port", INT),
            Column.of("schema_version", ServerWire.UUID), Column.setOfText("tokens"));
    private static final List<Column> PEERS_V2 = List.of(Column.of("peer", INET), Column.of("peer_port", INT),
            Column.of("data_center", TEXT), Column.of("host_id", ServerWire.UUID), Column.of("native_address", INET),
            Column.of("native_port", INT), Column.of("preferred_ip", INET), Column.of("preferred_port", INT),
            Column.of("rack", TEXT), Column.of("release_version", TEXT), Column.of("schema_version", ServerWire.UUID),
            Column.setOfText("tokens"));
    private static final List<Column> EMPTY = List.of(Column.of("keyspace_name", TEXT));

    private SystemTables() {}

    /** The answer to a system query, or null when {@code cql} is not one. */
    static byte[] answer(ScriptedCluster cluster, ScriptedNode self, String cql) {
        String q = cql.toLowerCase(Locale.ROOT);
        if (q.contains("system.local")) {
            return ServerWire.rows("system", "local", LOCAL, List.of(local(self)));
        }
        if (q.contains("system.peers_v2") || q.contains("system.peers")) {
            // Only peers_v2 is described: it carries the native port, which peers lacks.
            List<List<byte[]>> rows = new ArrayList<>();
            for (ScriptedNode n : cluster.nodes()) if (n != self) rows.add(peer(n));
            return ServerWire.rows("system", "peers_v2", PEERS_V2, rows);
        }
        if (q.contains("system.") || q.contains("system_schema.") || q.contains("system_traces.")) {
            return ServerWire.rows("system_schema", "any", EMPTY, List.of());
        }
        return null;
    }

    private static List<byte[]> local(ScriptedNode n) {
        byte[] ip = n.address().getAddress().getAddress();
        return List.of(text("local"), text("COMPLETED"), ip, text(CLUSTER), text("3.4.5"), text(DATACENTER),
                uuid(n.hostId()), ip, text("4"), text(PARTITIONER), text(RACK), text(RELEASE), ip,
                int32(n.address().getPort()), uuid(SCHEMA_VERSION), tokens(n.token()));
    }

    private static List<byte[]> peer(ScriptedNode n) {
        byte[] ip = n.address().getAddress().getAddress();
        return List.of(ip, int32(7000), text(DATACENTER), uuid(n.hostId()), ip, int32(n.address().getPort()), ip,
                int32(7000), text(RACK), text(RELEASE), uuid(SCHEMA_VERSION), tokens(n.token()));
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] int32(int v) {
        return ByteBuffer.allocate(4).putInt(v).array();
    }

    private static byte[] uuid(UUID u) {
        return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
    }

    /** set&lt;text&gt; of one token: [int] count, then each element as [bytes]. */
    private static byte[] tokens(String token) {
        byte[] t = text(token);
        return ByteBuffer.allocate(8 + t.length).putInt(1).putInt(t.length).put(t).array();
    }
}
