package io.jsylla.testkit.scylla;

import io.jsylla.testkit.CqlProbe;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The {@link ShardSimulator.Upstream}s of a running cluster found from one of its nodes, for
 * nodes the kit did not start in this JVM (a node left running by {@code jsylla node start}, or
 * any reachable Cassandra without TLS or authentication): the contact node from
 * {@code system.local}, the others from {@code system.peers_v2}, each with its datacenter, rack
 * and tokens (the simulator needs the ring to count non-replica coordinators).
 */
public final class UpstreamDiscovery {
    private UpstreamDiscovery() {}

    /** The contact node first, then its peers in the order {@code system.peers_v2} lists them. */
    public static List<ShardSimulator.Upstream> fromContactPoint(InetSocketAddress contact) {
        List<ShardSimulator.Upstream> upstreams = new ArrayList<>();
        try (CqlProbe probe = ShardSimulator.plainProbe(contact).get()) {
            Map<String, Object> local = probe.query("SELECT data_center, rack, tokens FROM system.local WHERE key = 'local'").get(0);
            upstreams.add(upstream(contact, local));
            for (Map<String, Object> peer : probe.query("SELECT native_address, native_port, data_center, rack, tokens FROM system.peers_v2")) {
                InetSocketAddress address = new InetSocketAddress((InetAddress) peer.get("native_address"),
                        ((Number) peer.get("native_port")).intValue());
                upstreams.add(upstream(address, peer));
            }
        }
        return upstreams;
    }

    private static ShardSimulator.Upstream upstream(InetSocketAddress address, Map<String, Object> row) {
        List<Long> tokens = ((Collection<?>) row.get("tokens")).stream().map(t -> Long.parseLong(t.toString())).sorted().toList();
        return new ShardSimulator.Upstream(address, (String) row.get("data_center"), (String) row.get("rack"), tokens,
                ShardSimulator.plainProbe(address));
    }
}
