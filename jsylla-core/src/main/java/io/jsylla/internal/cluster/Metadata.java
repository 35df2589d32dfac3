package io.jsylla.internal.cluster;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.function.UnaryOperator;

/**
 * What the driver knows of the cluster: one reference to the current {@link ClusterState},
 * replaced whole. Readers take the state once and read all they need from it, without a lock
 * and without seeing half an update; writers (the control connection, the session marking a node
 * up or down) are serialized, so no change is lost between two others.
 */
public final class Metadata {
    /** A change as it happened: the state it applied to, and the state it made. */
    public record Change(ClusterState before, ClusterState after) {}

    private volatile ClusterState state = ClusterState.EMPTY;

    /** The current state: read it once per decision, not once per part. */
    public ClusterState state() {
        return state;
    }

    /** Applies a change to the current state and publishes the result. */
    public synchronized Change update(UnaryOperator<ClusterState> change) {
        ClusterState before = state;
        ClusterState after = change.apply(before);
        state = after;
        return new Change(before, after);
    }

    /** Marks the node at this address up or down (nothing when unknown or already so). */
    public void markUp(InetSocketAddress address, boolean up) {
        update(s -> s.withNodeUp(address, up));
    }

    /** Records the shard count a node's connections said (nothing when unknown or already so). */
    public void shards(InetSocketAddress address, java.util.OptionalInt shards) {
        update(s -> s.withNodeShards(address, shards));
    }

    /** The node at this address in the current state, or null. */
    public Node node(InetSocketAddress address) {
        return state.node(address);
    }

    /** The nodes of the current state. */
    public Collection<Node> nodes() {
        return state.nodes();
    }
}
