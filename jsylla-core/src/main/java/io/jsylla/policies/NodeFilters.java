package io.jsylla.policies;

import io.jsylla.NodeInfo;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Wrappers that keep some nodes out of another policy's plans, whatever that policy does: the
 * filtered nodes are dropped from its plans and hidden from the {@link ClusterView} it is given,
 * so it never even sees them (its round-robin and per-datacenter counts stay right). A node kept
 * out is never tried. Hiding every node of the local datacenter leaves plans with no local node:
 * set the child's local datacenter accordingly.
 */
public final class NodeFilters {
    private NodeFilters() {}

    /** Only the nodes at these addresses (as in {@link NodeInfo#address()}). */
    public static LoadBalancingPolicy allowNodes(LoadBalancingPolicy child, Collection<InetSocketAddress> addresses) {
        Set<InetSocketAddress> allowed = Set.copyOf(addresses);
        return new Filtered(child, n -> allowed.contains(n.address()), "allowNodes" + allowed);
    }

    /** Every node but those at these addresses. */
    public static LoadBalancingPolicy denyNodes(LoadBalancingPolicy child, Collection<InetSocketAddress> addresses) {
        Set<InetSocketAddress> denied = Set.copyOf(addresses);
        return new Filtered(child, n -> !denied.contains(n.address()), "denyNodes" + denied);
    }

    /** Only the nodes of these datacenters. */
    public static LoadBalancingPolicy allowDatacenters(LoadBalancingPolicy child, Collection<String> datacenters) {
        Set<String> allowed = Set.copyOf(datacenters);
        return new Filtered(child, n -> n.datacenter() != null && allowed.contains(n.datacenter()),
                "allowDatacenters" + allowed);
    }

    /** Every node but those of these datacenters. */
    public static LoadBalancingPolicy denyDatacenters(LoadBalancingPolicy child, Collection<String> datacenters) {
        Set<String> denied = Set.copyOf(datacenters);
        return new Filtered(child, n -> n.datacenter() == null || !denied.contains(n.datacenter()),
                "denyDatacenters" + denied);
    }

    private static final class Filtered implements LoadBalancingPolicy {
        private final LoadBalancingPolicy child;
        private final Predicate<NodeInfo> keep;
        private final String description;
        // The wrapper of the last view seen: sessions pass the same view every time.
        private final AtomicReference<FilteredView> lastView = new AtomicReference<>();

        Filtered(LoadBalancingPolicy child, Predicate<NodeInfo> keep, String description) {
            this.child = Objects.requireNonNull(child, "child");
            this.keep = keep;
            this.description = description;
        }

        @Override
        public void init(ClusterView cluster) {
            child.init(view(cluster));
        }

        @Override
        public Iterator<NodeInfo> newQueryPlan(RequestInfo request, ClusterView cluster) {
            // Filter the plan too: the child may hold on to a view of its own.
            return new FilteringIterator(child.newQueryPlan(request, view(cluster)), keep);
        }

        @Override
        public void onRequestCompleted(NodeInfo node, long latencyNanos, Throwable error) {
            child.onRequestCompleted(node, latencyNanos, error);
        }

        private FilteredView view(ClusterView cluster) {
            FilteredView v = lastView.get();
            if (v != null && v.delegate == cluster) return v;
            v = new FilteredView(cluster, keep);
            lastView.set(v);
            return v;
        }

        @Override
        public String toString() {
            return description + "(" + child + ")";
        }
    }

    /** A view without the filtered nodes; the node list is filtered once per snapshot. */
    private static final class FilteredView implements ClusterView {
        private record Snapshot(List<NodeInfo> source, List<NodeInfo> filtered) {}

        final ClusterView delegate;
        private final Predicate<NodeInfo> keep;
        private volatile Snapshot snapshot;

        FilteredView(ClusterView delegate, Predicate<NodeInfo> keep) {
            this.delegate = delegate;
            this.keep = keep;
        }

        @Override
        public List<NodeInfo> nodes() {
            List<NodeInfo> source = delegate.nodes();
            Snapshot s = snapshot;
            // The delegate's lists are cached snapshots, so identity tells when to filter again.
            if (s == null || s.source() != source) {
                s = new Snapshot(source, filter(source));
                snapshot = s;
            }
            return s.filtered();
        }

        @Override
        public String localDatacenter() {
            return delegate.localDatacenter();
        }

        @Override
        public List<NodeInfo> replicas(String keyspace, ByteBuffer routingKey) {
            return filter(delegate.replicas(keyspace, routingKey));
        }

        private List<NodeInfo> filter(List<NodeInfo> nodes) {
            int size = nodes.size();
            for (int i = 0; i < size; i++) {
                if (!keep.test(nodes.get(i))) {
                    // Copy only once a node must go: usually none does.
                    List<NodeInfo> kept = new ArrayList<>(size - 1);
                    for (int j = 0; j < size; j++) {
                        NodeInfo n = nodes.get(j);
                        if (j != i && keep.test(n)) kept.add(n);
                    }
                    return Collections.unmodifiableList(kept);
                }
            }
            return nodes;
        }
    }

    private static final class FilteringIterator implements Iterator<NodeInfo> {
        private final Iterator<NodeInfo> source;
        private final Predicate<NodeInfo> keep;
        private NodeInfo next;

        FilteringIterator(Iterator<NodeInfo> source, Predicate<NodeInfo> keep) {
            this.source = source;
            this.keep = keep;
        }

        @Override
        public boolean hasNext() {
            while (next == null && source.hasNext()) {
                NodeInfo n = source.next();
                if (n != null && keep.test(n)) next = n;
            }
            return next != null;
        }

        @Override
        public NodeInfo next() {
            if (!hasNext()) throw new NoSuchElementException();
            NodeInfo n = next;
            next = null;
            return n;
        }
    }
}
