package io.jsylla.policies;

import io.jsylla.NodeInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default load balancing: token-aware, datacenter-aware, optionally rack-aware. A plan
 * lists, each node at most once:
 * <ol>
 *   <li>the up replicas of the request's partition in the local datacenter (those on the local
 *       rack first, when one is set), shuffled or in ring order;</li>
 *   <li>the up replicas in remote datacenters, only when remote failover is allowed;</li>
 *   <li>the other up local nodes (local rack first, when one is set), starting at a rotating
 *       position so the load spreads;</li>
 *   <li>the other up remote nodes, only when remote failover is allowed, at most
 *       {@link Builder#maxNodesPerRemoteDatacenter} per remote datacenter, replicas included;</li>
 *   <li>last, the down nodes (local first; remote ones only with failover), so that a request
 *       that fails can still report every node it could not use.</li>
 * </ol>
 * Requests without a keyspace or a routing key skip the replica steps. Thread-safe.
 */
public final class DefaultLoadBalancingPolicy implements LoadBalancingPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultLoadBalancingPolicy.class);

    private final String localDatacenter;
    private final String localRack;
    private final boolean allowRemote;
    private final int maxPerRemoteDc;
    private final boolean tokenAware;
    private final boolean shuffleReplicas;
    private final Random random;
    // Where the round-robin part of the next plan starts; overflow is harmless (floorMod).
    private final AtomicInteger rotation = new AtomicInteger();

    private DefaultLoadBalancingPolicy(Builder b) {
        this.localDatacenter = b.localDatacenter;
        this.localRack = b.localRack;
        this.allowRemote = b.allowRemote;
        this.maxPerRemoteDc = b.maxPerRemoteDc;
        this.tokenAware = b.tokenAware;
        this.shuffleReplicas = b.shuffleReplicas;
        this.random = b.random;
    }

    /** A builder with every option at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The policy with every option at its default. */
    public static DefaultLoadBalancingPolicy create() {
        return builder().build();
    }

    @Override
    public void init(ClusterView cluster) {
        String dc = localDc(cluster);
        if (dc == null) return;
        for (NodeInfo n : cluster.nodes()) {
            if (dc.equals(n.datacenter())) return;
        }
        LOG.warn("No known node is in the local datacenter {}: check its name (known nodes: {})", dc, cluster.nodes());
    }

    @Override
    public Iterator<NodeInfo> newQueryPlan(RequestInfo request, ClusterView cluster) {
        return new LazyPlan(request, cluster, rotation.getAndIncrement());
    }

    /** An up local replica, else the rotating pick among up local nodes; null when only the full plan can tell. */
    @Override
    public NodeInfo firstNode(RequestInfo request, ClusterView cluster) {
        return firstNode(request, cluster, rotation.getAndIncrement());
    }

    /**
     * Most requests succeed on the first node tried: that node is chosen with no allocation,
     * and the rest of the plan is built only if a second node is asked for.
     */
    private final class LazyPlan implements Iterator<NodeInfo> {
        private final RequestInfo request;
        private final ClusterView cluster;
        private final int start;
        private NodeInfo first;
        private Iterator<NodeInfo> rest;
        private int state; // 0 nothing handed out, 1 first handed out, 2 on the full plan

        LazyPlan(RequestInfo request, ClusterView cluster, int start) {
            this.request = request;
            this.cluster = cluster;
            this.start = start;
        }

        @Override
        public boolean hasNext() {
            if (state == 0) {
                first = firstNode(request, cluster, start);
                if (first != null) return true;
                rest = plan(request, cluster, start).iterator();
                state = 2;
            } else if (state == 1) {
                List<NodeInfo> full = plan(request, cluster, start);
                full.remove(first);
                rest = full.iterator();
                state = 2;
            }
            return rest.hasNext();
        }

        @Override
        public NodeInfo next() {
            if (!hasNext()) throw new java.util.NoSuchElementException();
            if (state == 0) {
                state = 1;
                return first;
            }
            return rest.next();
        }
    }

    /**
     * The first node of the full plan, found without building it: an up local replica
     * (rack-local first; random when shuffling), else the rotating pick among up local nodes;
     * null when that needs the full plan (remote nodes, nothing up locally).
     */
    private NodeInfo firstNode(RequestInfo request, ClusterView cluster, int start) {
        String dc = localDc(cluster);
        if (tokenAware && request != null && request.keyspace() != null) {
            List<NodeInfo> replicas = cluster.replicas(request);
            NodeInfo replica = request.isLwt() ? primary(replicas, dc) : pick(replicas, dc, true, 0);
            if (replica != null) return replica;
        }
        return pick(cluster.nodes(), dc, false, start);
    }

    /** One up local node of {@code nodes}, rack-local ones first: random or rotating. */
    private NodeInfo pick(List<NodeInfo> nodes, String dc, boolean randomly, int start) {
        for (int pass = localRack == null ? 1 : 0; pass < 2; pass++) {
            int count = 0;
            for (int i = 0; i < nodes.size(); i++) if (candidate(nodes.get(i), dc, pass)) count++;
            if (count == 0) continue;
            int target = randomly
                    ? (shuffleReplicas ? (random != null ? random : ThreadLocalRandom.current()).nextInt(count) : 0)
                    : Math.floorMod(start, count);
            for (int i = 0; i < nodes.size(); i++) {
                NodeInfo n = nodes.get(i);
                if (candidate(n, dc, pass) && target-- == 0) return n;
            }
        }
        return null;
    }

    /** The first up local replica in ring order: a lightweight transaction's coordinator. */
    private NodeInfo primary(List<NodeInfo> replicas, String dc) {
        for (NodeInfo n : replicas) if (n.isUp() && isLocal(n, dc)) return n;
        return null;
    }

    /** Pass 0 takes rack-local nodes, pass 1 the other local ones (or all local ones without a rack). */
    private boolean candidate(NodeInfo n, String dc, int pass) {
        if (!n.isUp() || !isLocal(n, dc)) return false;
        return pass == 0 ? onLocalRack(n) : localRack == null || !onLocalRack(n);
    }

    /** The whole plan, in the documented order. */
    private List<NodeInfo> plan(RequestInfo request, ClusterView cluster, int start) {
        String dc = localDc(cluster);
        List<NodeInfo> nodes = cluster.nodes();
        List<NodeInfo> plan = new ArrayList<>(nodes.size());
        // Remote nodes already in the plan, per datacenter; only needed with failover.
        Map<String, Integer> remoteCounts = allowRemote ? new HashMap<>() : null;

        int replicaCount = 0;
        if (tokenAware && request != null && request.keyspace() != null) {
            replicaCount = addReplicas(cluster.replicas(request), dc, plan, remoteCounts, request.isLwt());
        }
        List<NodeInfo> rackLocal = new ArrayList<>();
        List<NodeInfo> local = new ArrayList<>();
        List<NodeInfo> remote = allowRemote ? new ArrayList<>() : null;
        for (NodeInfo n : nodes) {
            if (!n.isUp() || contains(plan, replicaCount, n)) continue;
            if (isLocal(n, dc)) {
                (onLocalRack(n) ? rackLocal : local).add(n);
            } else if (remote != null) {
                remote.add(n);
            }
        }
        addRotated(rackLocal, start, plan);
        addRotated(local, start, plan);
        if (remote != null) {
            int size = remote.size();
            for (int i = 0; i < size; i++) {
                NodeInfo n = remote.get(Math.floorMod(start + i, size));
                if (takeRemoteSlot(n, remoteCounts)) plan.add(n);
            }
        }

        // Down nodes go last: local ones, then remote ones when failover is allowed.
        for (NodeInfo n : nodes) {
            if (!n.isUp() && isLocal(n, dc) && !contains(plan, replicaCount, n)) plan.add(n);
        }
        if (allowRemote) {
            for (NodeInfo n : nodes) {
                if (!n.isUp() && !isLocal(n, dc) && !contains(plan, replicaCount, n)) plan.add(n);
            }
        }
        return plan;
    }

    /**
     * Appends the up replicas in plan order; returns how many were added. A lightweight
     * transaction's keep their ring order, primary first (no rack preference, no shuffle), so
     * that every client asks the same coordinator and Paxos rounds do not collide.
     */
    private int addReplicas(List<NodeInfo> all, String dc, List<NodeInfo> plan, Map<String, Integer> remoteCounts, boolean lwt) {
        if (all.isEmpty()) return 0;
        List<NodeInfo> rackLocal = new ArrayList<>(all.size());
        List<NodeInfo> local = new ArrayList<>(all.size());
        List<NodeInfo> remote = remoteCounts == null ? null : new ArrayList<>(all.size());
        for (NodeInfo n : all) {
            if (!n.isUp()) continue;
            if (isLocal(n, dc)) {
                List<NodeInfo> target = onLocalRack(n) && !lwt ? rackLocal : local;
                if (!contains(target, target.size(), n)) target.add(n);
            } else if (remote != null && !contains(remote, remote.size(), n)) {
                remote.add(n);
            }
        }
        if (shuffleReplicas && !lwt) {
            // Shuffling spreads the load of a hot partition over all of its replicas.
            Random rnd = random != null ? random : ThreadLocalRandom.current();
            Collections.shuffle(rackLocal, rnd);
            Collections.shuffle(local, rnd);
            if (remote != null) Collections.shuffle(remote, rnd);
        }
        int before = plan.size();
        plan.addAll(rackLocal);
        plan.addAll(local);
        if (remote != null) {
            for (NodeInfo n : remote) {
                if (takeRemoteSlot(n, remoteCounts)) plan.add(n);
            }
        }
        return plan.size() - before;
    }

    private boolean takeRemoteSlot(NodeInfo node, Map<String, Integer> remoteCounts) {
        int used = remoteCounts.getOrDefault(node.datacenter(), 0);
        if (used >= maxPerRemoteDc) return false;
        remoteCounts.put(node.datacenter(), used + 1);
        return true;
    }

    private static void addRotated(List<NodeInfo> nodes, int start, List<NodeInfo> plan) {
        int size = nodes.size();
        for (int i = 0; i < size; i++) plan.add(nodes.get(Math.floorMod(start + i, size)));
    }

    // Whether one of the first count nodes is this one. Replicas are a handful of nodes:
    // a linear scan beats hashing. Compared by address, since the replica list and the node
    // list may be snapshots taken at different times.
    private static boolean contains(List<NodeInfo> nodes, int count, NodeInfo node) {
        for (int i = 0; i < count; i++) {
            if (nodes.get(i).address().equals(node.address())) return true;
        }
        return false;
    }

    private String localDc(ClusterView cluster) {
        return localDatacenter != null ? localDatacenter : cluster.localDatacenter();
    }

    // With no local datacenter known at all, every node counts as local rather than none.
    private static boolean isLocal(NodeInfo node, String dc) {
        return dc == null || dc.equals(node.datacenter());
    }

    private boolean onLocalRack(NodeInfo node) {
        return localRack != null && localRack.equals(node.rack());
    }

    @Override
    public String toString() {
        return "DefaultLoadBalancingPolicy[localDatacenter=" + localDatacenter + ", localRack=" + localRack
                + ", remoteFailover=" + allowRemote + ", maxNodesPerRemoteDatacenter=" + maxPerRemoteDc
                + ", tokenAware=" + tokenAware + ", shuffleReplicas=" + shuffleReplicas + "]";
    }

    /** Options of {@link DefaultLoadBalancingPolicy}. */
    public static final class Builder {
        private String localDatacenter;
        private String localRack;
        private boolean allowRemote;
        private int maxPerRemoteDc = 2;
        private boolean tokenAware = true;
        private boolean shuffleReplicas = true;
        private Random random;

        private Builder() {}

        /** The datacenter to send requests to. Default: {@link ClusterView#localDatacenter()}. */
        public Builder localDatacenter(String datacenter) {
            this.localDatacenter = datacenter;
            return this;
        }

        /** A rack of the local datacenter whose nodes are tried first. Default: none. */
        public Builder localRack(String rack) {
            this.localRack = rack;
            return this;
        }

        /** Whether plans may include nodes of other datacenters, after the local ones. Default: false. */
        public Builder allowRemoteDatacenterFailover(boolean allow) {
            this.allowRemote = allow;
            return this;
        }

        /** With remote failover, how many up nodes of each remote datacenter a plan may include. Default: 2. */
        public Builder maxNodesPerRemoteDatacenter(int max) {
            if (max < 0) throw new IllegalArgumentException("maxNodesPerRemoteDatacenter must be >= 0: " + max);
            this.maxPerRemoteDc = max;
            return this;
        }

        /** Whether the replicas of the request's partition come first. Default: true. */
        public Builder tokenAware(boolean tokenAware) {
            this.tokenAware = tokenAware;
            return this;
        }

        /** Whether replicas are shuffled (true) or kept in ring order, primary first (false). Default: true. */
        public Builder shuffleReplicas(boolean shuffle) {
            this.shuffleReplicas = shuffle;
            return this;
        }

        /** For tests: a seeded source for the replica shuffle. Default: ThreadLocalRandom. */
        Builder random(Random random) {
            this.random = random;
            return this;
        }

        /** The policy with these options. */
        public DefaultLoadBalancingPolicy build() {
            return new DefaultLoadBalancingPolicy(this);
        }
    }
}
