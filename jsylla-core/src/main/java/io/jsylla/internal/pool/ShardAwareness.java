package io.jsylla.internal.pool;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * How pools use ScyllaDB's shard-aware port: whether at all, and the local address and port
 * range connections to it are made from (the node gives a connection the shard
 * {@code local port % shards}).
 *
 * @param localAddress the address to bind, or null for the wildcard
 */
public record ShardAwareness(boolean enabled, InetAddress localAddress, int portLow, int portHigh) {

    /** On, from any local address, from the ephemeral range IANA sets aside (as ScyllaDB's drivers do). */
    public static final ShardAwareness DEFAULT = new ShardAwareness(true, null, 49152, 65535);

    public ShardAwareness {
        if (portLow < 1024 || portHigh > 65535 || portLow > portHigh) {
            throw new IllegalArgumentException("local port range " + portLow + "-" + portHigh
                    + " must lie within 1024-65535, low <= high");
        }
    }

    /**
     * The {@code attempt}-th local address to try for a connection to {@code shard} of
     * {@code shards}: the ports of the range in that shard's residue class, from {@code start},
     * one step of {@code shards} per attempt, wrapping; null when the range holds none.
     */
    InetSocketAddress localFor(int shard, int shards, int start, int attempt) {
        int base = portLow + Math.floorMod(shard - portLow, shards);
        if (base > portHigh) return null;
        int count = (portHigh - base) / shards + 1;
        int port = base + Math.floorMod(start + attempt, count) * shards;
        return localAddress == null ? new InetSocketAddress(port) : new InetSocketAddress(localAddress, port);
    }

    /** How many ports of the range a shard has: more attempts than that only repeat them. */
    int portsFor(int shard, int shards) {
        int base = portLow + Math.floorMod(shard - portLow, shards);
        return base > portHigh ? 0 : (portHigh - base) / shards + 1;
    }
}
