package io.jsylla.policies;

import io.jsylla.NodeInfo;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every known node, whatever its datacenter, the up ones first; each plan starts one node further
 * than the previous one, so requests spread evenly. Ignores replicas and datacenters: meant for
 * single-datacenter clusters, tests and tools. Thread-safe.
 */
public final class RoundRobinPolicy implements LoadBalancingPolicy {
    // Where the next plan starts; overflow is harmless (floorMod).
    private final AtomicInteger rotation = new AtomicInteger();

    /** A policy whose first plan starts at the first node. */
    public RoundRobinPolicy() {}

    @Override
    public Iterator<NodeInfo> newQueryPlan(RequestInfo request, ClusterView cluster) {
        List<NodeInfo> nodes = cluster.nodes();
        int size = nodes.size();
        int start = rotation.getAndIncrement();
        List<NodeInfo> plan = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            NodeInfo n = nodes.get(Math.floorMod(start + i, size));
            if (n.isUp()) plan.add(n);
        }
        // Down nodes still go in, last, so a failed request reports them.
        for (int i = 0; i < size; i++) {
            NodeInfo n = nodes.get(Math.floorMod(start + i, size));
            if (!n.isUp()) plan.add(n);
        }
        return plan.iterator();
    }

    @Override
    public String toString() {
        return "RoundRobinPolicy";
    }
}
