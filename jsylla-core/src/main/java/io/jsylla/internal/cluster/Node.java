package io.jsylla.internal.cluster;

import io.jsylla.NodeInfo;
import io.jsylla.internal.pool.NodePool;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A node of the cluster and the driver's live state for it: where it is, what it runs, whether
 * it is up, and its connection pool. Fields change as the control connection learns more;
 * {@link #info()} takes an immutable snapshot.
 */
public final class Node {
    private final InetSocketAddress address;
    private volatile UUID hostId;
    private volatile String datacenter;
    private volatile String rack;
    private volatile String releaseVersion;
    private volatile List<String> tokens = List.of();
    private volatile UUID schemaVersion;
    private volatile boolean up = true;
    private volatile NodePool pool;
    private volatile NodeInfo info;
    private final LongAdder requests = new LongAdder();
    private volatile io.jsylla.QueryResult emptyResult;
    private final AtomicLong stateVersion;

    /** @param stateVersion bumped on every change of any node, so views of all nodes know to rebuild */
    public Node(InetSocketAddress address, AtomicLong stateVersion) {
        this.address = address;
        this.stateVersion = stateVersion;
    }

    private void changed() {
        info = null;
        stateVersion.incrementAndGet();
    }

    /** The CQL address the driver connects to; a node's identity within a session. */
    public InetSocketAddress address() {
        return address;
    }

    void update(UUID hostId, String datacenter, String rack, String releaseVersion, List<String> tokens, UUID schemaVersion) {
        this.hostId = hostId;
        this.datacenter = datacenter;
        this.rack = rack;
        this.releaseVersion = releaseVersion;
        this.tokens = List.copyOf(tokens);
        this.schemaVersion = schemaVersion;
        changed();
    }

    public UUID hostId() {
        return hostId;
    }

    public String datacenter() {
        return datacenter;
    }

    public String rack() {
        return rack;
    }

    public List<String> tokens() {
        return tokens;
    }

    public UUID schemaVersion() {
        return schemaVersion;
    }

    public boolean isUp() {
        return up;
    }

    public void markUp(boolean up) {
        if (this.up != up) {
            this.up = up;
            changed();
        }
    }

    public NodePool pool() {
        return pool;
    }

    public void pool(NodePool pool) {
        this.pool = pool;
        changed();
    }

    /** Counts a message sent to this node. */
    /**
     * This node's answer to a request with nothing to report (no rows, warnings or tracing id):
     * immutable, so made once and shared by every write the node coordinates.
     */
    public io.jsylla.QueryResult emptyResult(java.util.function.Function<InetSocketAddress, io.jsylla.QueryResult> make) {
        io.jsylla.QueryResult r = emptyResult;
        if (r == null) emptyResult = r = make.apply(address); // racy but idempotent
        return r;
    }

    public void countRequest() {
        requests.increment();
    }

    public long requestCount() {
        return requests.sum();
    }

    /** An immutable snapshot, cached until the node changes. */
    public NodeInfo info() {
        NodeInfo i = info;
        if (i == null) {
            NodePool p = pool;
            i = new NodeInfo(address, datacenter, rack, up, releaseVersion, hostId, tokens,
                    p == null ? OptionalInt.empty() : p.shardCount());
            info = i;
        }
        return i;
    }

    @Override
    public String toString() {
        return address.getHostString() + ":" + address.getPort();
    }
}
