package io.jsylla.testkit.scylla;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps discovery inside the simulator: a driver learns its peers from {@code system.local},
 * {@code system.peers} and {@code system.peers_v2}, and from topology and status events, all of
 * which name the real nodes; connecting there would bypass the simulator. This rewrites, in
 * those answers, each real node's CQL address and port into its simulated node's.
 *
 * <p>Rewriting the answers (rather than making Cassandra report other addresses with
 * {@code broadcast_rpc_address}) works for any cluster as it is started, and keeps the real
 * native port free to differ from the simulator's: Cassandra reports the port it listens on.
 * Values are patched in place, same length for same length (an IPv4 address for an IPv4
 * address, an int port for an int port), so frame lengths never change.
 */
final class DiscoveryRewriter {
    private static final Set<String> PEER_TABLES = Set.of("local", "peers", "peers_v2");
    private static final Set<String> ADDRESS_COLUMNS = Set.of("rpc_address", "native_address");
    private static final Set<String> PORT_COLUMNS = Set.of("rpc_port", "native_port");

    /** Bytes to write at an offset of the frame. */
    record Patch(int offset, byte[] bytes) {}

    private final Map<InetSocketAddress, InetSocketAddress> byEndpoint;
    private final Map<InetAddress, InetSocketAddress> byAddress;

    /** @param realToSimulated each real node's CQL endpoint and its simulated node's regular endpoint */
    DiscoveryRewriter(Map<InetSocketAddress, InetSocketAddress> realToSimulated) {
        this.byEndpoint = Map.copyOf(realToSimulated);
        java.util.HashMap<InetAddress, InetSocketAddress> addresses = new java.util.HashMap<>();
        realToSimulated.forEach((real, sim) -> addresses.put(real.getAddress(), sim));
        this.byAddress = Map.copyOf(addresses);
    }

    /** The patches a whole response frame (header included, not compressed) needs; empty for most. */
    List<Patch> patches(ByteBuffer frame) {
        ByteBuffer b = frame.duplicate();
        int flags = b.get(1);
        int opcode = b.get(4);
        b.position(Frames.HEADER);
        Frames.skipResponsePrefixes(b, flags);
        List<Patch> out = new ArrayList<>();
        if (opcode == Frames.RESULT && b.getInt() == Frames.RESULT_ROWS) rows(b, frame.position(), out);
        else if (opcode == Frames.EVENT) event(b, frame.position(), out);
        return out;
    }

    private void rows(ByteBuffer b, int base, List<Patch> out) {
        int flags = b.getInt();
        int columns = b.getInt();
        if ((flags & 0x0002) != 0) Frames.skipBytes(b); // paging state
        if ((flags & 0x0004) != 0) return; // no metadata: not a discovery query (drivers ask with QUERY)
        boolean global = (flags & 0x0001) != 0;
        String keyspace = null, table = null;
        if (global) {
            keyspace = Frames.readString(b);
            table = Frames.readString(b);
        }
        int addressColumn = -1, portColumn = -1;
        for (int i = 0; i < columns; i++) {
            if (!global) {
                String ks = Frames.readString(b), t = Frames.readString(b);
                if (keyspace == null) {
                    keyspace = ks;
                    table = t;
                }
            }
            String name = Frames.readString(b);
            int type = b.getShort(b.position()) & 0xFFFF;
            Frames.skipType(b);
            if (ADDRESS_COLUMNS.contains(name) && type == 0x10) addressColumn = i;
            if (PORT_COLUMNS.contains(name) && type == 0x09) portColumn = i;
        }
        if (!"system".equals(keyspace) || !PEER_TABLES.contains(table) || addressColumn < 0) return;
        int rows = b.getInt();
        for (int r = 0; r < rows; r++) {
            int addressAt = -1, addressLength = -1, portAt = -1;
            for (int c = 0; c < columns; c++) {
                int length = b.getInt();
                if (c == addressColumn) {
                    addressAt = b.position();
                    addressLength = length;
                }
                if (c == portColumn && length == 4) portAt = b.position();
                if (length > 0) b.position(b.position() + length);
            }
            if (addressLength != 4 && addressLength != 16) continue;
            InetAddress address = address(b, addressAt, addressLength);
            InetSocketAddress simulated = portAt >= 0
                    ? byEndpoint.get(new InetSocketAddress(address, b.getInt(portAt)))
                    : byAddress.get(address);
            if (simulated == null) continue;
            patchAddress(out, base, addressAt, address, simulated.getAddress());
            if (portAt >= 0) out.add(new Patch(portAt - base, ByteBuffer.allocate(4).putInt(simulated.getPort()).array()));
        }
    }

    /** TOPOLOGY_CHANGE and STATUS_CHANGE end with the node's CQL [inet]: address bytes and port. */
    private void event(ByteBuffer b, int base, List<Patch> out) {
        String type = Frames.readString(b);
        if (!type.equals("TOPOLOGY_CHANGE") && !type.equals("STATUS_CHANGE")) return;
        Frames.skipString(b);
        int length = b.get() & 0xFF;
        int addressAt = b.position();
        InetAddress address = address(b, addressAt, length);
        int portAt = addressAt + length;
        InetSocketAddress simulated = byEndpoint.get(new InetSocketAddress(address, b.getInt(portAt)));
        if (simulated == null) return;
        patchAddress(out, base, addressAt, address, simulated.getAddress());
        out.add(new Patch(portAt - base, ByteBuffer.allocate(4).putInt(simulated.getPort()).array()));
    }

    private static void patchAddress(List<Patch> out, int base, int at, InetAddress real, InetAddress simulated) {
        byte[] to = simulated.getAddress();
        // Only same-length rewrites: the frame keeps its length (the simulator binds where the node is).
        if (!real.equals(simulated) && to.length == real.getAddress().length) out.add(new Patch(at - base, to));
    }

    private static InetAddress address(ByteBuffer b, int at, int length) {
        byte[] bytes = new byte[length];
        b.get(at, bytes);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("inet of " + length + " bytes", e);
        }
    }
}
