package io.jsylla;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * A node as the driver sees it: where to reach it, where it sits, whether it is up.
 *
 * @param address the CQL address the driver connects to
 * @param tokens the node's tokens, as the partitioner prints them
 * @param shardCount shards per node on ScyllaDB; empty on Cassandra
 */
public record NodeInfo(InetSocketAddress address, String datacenter, String rack, boolean isUp, String releaseVersion,
                       UUID hostId, List<String> tokens, OptionalInt shardCount) {
    public NodeInfo {
        tokens = List.copyOf(tokens);
    }

    @Override
    public String toString() {
        return address.getHostString() + ":" + address.getPort() + " " + datacenter + "/" + rack
                + (isUp ? " up" : " down") + (releaseVersion == null ? "" : " " + releaseVersion)
                + (shardCount.isPresent() ? " " + shardCount.getAsInt() + " shards" : "");
    }
}
