package io.jsylla.internal.cluster;

import io.jsylla.Row;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reads a node out of a {@code system.local}, {@code system.peers} or {@code system.peers_v2} row. */
final class NodeRows {
    private NodeRows() {}

    /** Where clients reach the peer: native address and port (v2), else rpc address and the control port. */
    static InetSocketAddress nativeAddress(Row peer, int defaultPort) {
        InetAddress addr = column(peer, "native_address", InetAddress.class);
        if (addr == null) addr = column(peer, "rpc_address", InetAddress.class);
        InetAddress listen = column(peer, "peer", InetAddress.class);
        if (addr == null || addr.isAnyLocalAddress()) addr = listen;
        if (addr == null) return null;
        Integer port = column(peer, "native_port", Integer.class);
        return new InetSocketAddress(addr, port == null ? defaultPort : port);
    }

    /** The node at {@code address} as the row describes it; {@code up}: what the driver knows of that. */
    static Node node(InetSocketAddress address, Row r, boolean up) {
        List<String> tokens = column(r, "tokens", Set.class) == null ? List.of() : List.copyOf(r.getSet("tokens", String.class));
        return new Node(address, column(r, "host_id", UUID.class), column(r, "data_center", String.class),
                column(r, "rack", String.class), column(r, "release_version", String.class), tokens,
                column(r, "schema_version", UUID.class), up);
    }

    private static <T> T column(Row r, String name, Class<T> type) {
        int i = r.indexOf(name);
        return i < 0 ? null : r.get(i, type);
    }
}
