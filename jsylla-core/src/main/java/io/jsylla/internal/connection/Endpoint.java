package io.jsylla.internal.connection;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where a connection goes: the node it belongs to (its identity in the session and in errors),
 * the address and port actually dialled (the node's, or ScyllaDB's shard-aware port), and the
 * local address and port to dial from (null: any), which the shard-aware port reads the shard from.
 */
public record Endpoint(InetSocketAddress node, InetSocketAddress remote, InetSocketAddress local) {

    public Endpoint {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(remote, "remote");
    }

    /** The node's own address and port, from any local port. */
    public static Endpoint of(InetSocketAddress node) {
        return new Endpoint(node, node, null);
    }
}
