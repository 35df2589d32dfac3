package io.jsylla.internal.cluster;

import io.jsylla.NodeInfo;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * A node of the cluster as the driver last learned it: an immutable value. A change (a refresh of
 * the system tables, up or down) makes a new node in a new {@link ClusterState}; within a session
 * a node is identified by its {@link #address()}, so code that follows a node across states keys
 * by address, never by the object. What is live about a node (its connections, the requests sent
 * to it) is its pool's, in {@code internal.pool}.
 */
public final class Node {
    private final NodeInfo info; // what users and policies see; made once, as the node cannot change
    private final UUID schemaVersion;

    public Node(InetSocketAddress address, UUID hostId, String datacenter, String rack, String releaseVersion,
                List<String> tokens, UUID schemaVersion, boolean up) {
        this(address, hostId, datacenter, rack, releaseVersion, tokens, schemaVersion, up, OptionalInt.empty());
    }

    /** @param shards the node's shard count (ScyllaDB), as its connections said it; empty before, and on Cassandra */
    public Node(InetSocketAddress address, UUID hostId, String datacenter, String rack, String releaseVersion,
                List<String> tokens, UUID schemaVersion, boolean up, OptionalInt shards) {
        this.info = new NodeInfo(Objects.requireNonNull(address, "address"), datacenter, rack, up, releaseVersion, hostId,
                tokens, shards);
        this.schemaVersion = schemaVersion;
    }

    /** The CQL address the driver connects to; a node's identity within a session. */
    public InetSocketAddress address() {
        return info.address();
    }

    public UUID hostId() {
        return info.hostId();
    }

    public String datacenter() {
        return info.datacenter();
    }

    public String rack() {
        return info.rack();
    }

    public String releaseVersion() {
        return info.releaseVersion();
    }

    public List<String> tokens() {
        return info.tokens();
    }

    public UUID schemaVersion() {
        return schemaVersion;
    }

    public boolean isUp() {
        return info.isUp();
    }

    /** This node, up or down: itself when that is already so. */
    public Node withUp(boolean up) {
        if (up == isUp()) return this;
        return new Node(address(), hostId(), datacenter(), rack(), releaseVersion(), tokens(), schemaVersion, up, shards());
    }

    /** The node's shard count as its connections said it; empty before, and on Cassandra. */
    public OptionalInt shards() {
        return info.shardCount();
    }

    /** This node with a shard count: itself when that is already so. */
    public Node withShards(OptionalInt shards) {
        if (shards.equals(shards())) return this;
        return new Node(address(), hostId(), datacenter(), rack(), releaseVersion(), tokens(), schemaVersion, isUp(), shards);
    }

    /** The public view of this node (the same instance every call). */
    public NodeInfo info() {
        return info;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Node n && info.equals(n.info) && Objects.equals(schemaVersion, n.schemaVersion);
    }

    @Override
    public int hashCode() {
        return info.hashCode() * 31 + Objects.hashCode(schemaVersion);
    }

    @Override
    public String toString() {
        return address().getHostString() + ":" + address().getPort();
    }
}
