package io.jsylla.internal.cluster;

/**
 * Told by the control connection how the set of nodes and their state change. Each call passes
 * the node value of the moment: follow it by its address, which later states keep.
 */
public interface NodeListener {
    void nodeAdded(Node node);

    void nodeRemoved(Node node);

    /** The cluster says the node is up (an event, or it reappeared): time to reconnect. */
    void nodeUp(Node node);

    /** The cluster says the node is down. */
    void nodeDown(Node node);
}
