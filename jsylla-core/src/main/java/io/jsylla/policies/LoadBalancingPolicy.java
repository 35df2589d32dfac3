package io.jsylla.policies;

import io.jsylla.NodeInfo;
import java.util.Iterator;

/**
 * Decides which nodes a request tries, and in which order: the query plan. Called on every
 * request, from any thread: must be fast and thread-safe. A node absent from the plan is never
 * tried.
 */
public interface LoadBalancingPolicy {

    /** Called once, when the session knows the cluster. */
    default void init(ClusterView cluster) {}

    /** The nodes to try for this request, best first. */
    Iterator<NodeInfo> newQueryPlan(RequestInfo request, ClusterView cluster);

    /**
     * The node {@link #newQueryPlan} would put first, found without building a plan; null (the
     * default) when the policy cannot tell cheaply. Most requests succeed on their first node:
     * the session tries this one, and asks for the plan only if it needs another node (skipping
     * this one in it).
     */
    default NodeInfo firstNode(RequestInfo request, ClusterView cluster) {
        return null;
    }

    /** A request to this node completed, with its latency; {@code error} null on success. */
    default void onRequestCompleted(NodeInfo node, long latencyNanos, Throwable error) {}
}
