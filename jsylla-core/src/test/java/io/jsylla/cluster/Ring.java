package io.jsylla.cluster;

import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.CassandraNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Replica placement worked out independently of the driver: the tokens the test kit gave each
 * node, walked as SimpleStrategy does, for a token the server itself computed with token().
 */
final class Ring {
    private final TreeMap<Long, CassandraNode> owners = new TreeMap<>();

    Ring(CassandraCluster cluster) {
        for (CassandraNode n : cluster.nodes()) for (long t : n.tokens()) owners.put(t, n);
    }

    /** The {@code rf} distinct nodes walking the ring from the first token at or after {@code token}. */
    List<CassandraNode> replicas(long token, int rf) {
        List<CassandraNode> out = new ArrayList<>();
        Long start = owners.ceilingKey(token);
        if (start == null) start = owners.firstKey();
        for (CassandraNode n : owners.tailMap(start).values()) if (out.size() < rf && !out.contains(n)) out.add(n);
        for (CassandraNode n : owners.values()) if (out.size() < rf && !out.contains(n)) out.add(n);
        return out;
    }
}
