package io.jsylla.internal.request;

import io.jsylla.internal.cluster.Metadata;
import io.jsylla.internal.cluster.Node;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The order in which a request tries nodes: up nodes of the local datacenter in round-robin
 * order, then up nodes elsewhere, then nodes believed down (they may be back). Token-aware
 * routing refines this (replicas first) where the routing key is known.
 */
public final class QueryPlans {
    private final Metadata metadata;
    private final AtomicInteger rotation = new AtomicInteger();
    private volatile String localDatacenter;

    public QueryPlans(Metadata metadata, String localDatacenter) {
        this.metadata = metadata;
        this.localDatacenter = localDatacenter;
    }

    public void localDatacenter(String dc) {
        this.localDatacenter = dc;
    }

    public String localDatacenter() {
        return localDatacenter;
    }

    public Iterator<Node> newPlan() {
        List<Node> local = new ArrayList<>();
        List<Node> remote = new ArrayList<>();
        List<Node> down = new ArrayList<>();
        String dc = localDatacenter;
        for (Node n : metadata.nodes()) {
            if (!n.isUp()) down.add(n);
            else if (dc == null || dc.equals(n.datacenter())) local.add(n);
            else remote.add(n);
        }
        int start = rotation.getAndIncrement();
        List<Node> plan = new ArrayList<>(local.size() + remote.size() + down.size());
        rotateInto(local, start, plan);
        rotateInto(remote, start, plan);
        plan.addAll(down);
        return plan.iterator();
    }

    private static void rotateInto(List<Node> nodes, int start, List<Node> out) {
        int n = nodes.size();
        if (n == 0) return;
        int offset = Math.floorMod(start, n);
        for (int i = 0; i < n; i++) out.add(nodes.get((offset + i) % n));
    }
}
