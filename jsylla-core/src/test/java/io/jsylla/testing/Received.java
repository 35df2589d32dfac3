package io.jsylla.testing;

import io.jsylla.Consistency;
import java.net.InetSocketAddress;

/**
 * One request a {@link ScriptedNode} received, in arrival order across the cluster.
 *
 * @param seq         arrival order, cluster-wide
 * @param node        1 for the first node, 2 for the second...
 * @param opcode      the request's opcode name: OPTIONS, STARTUP, REGISTER, QUERY, PREPARE, EXECUTE, BATCH
 * @param cql         the text of a QUERY or PREPARE; for an EXECUTE, the text the id was prepared from (if known)
 * @param consistency the consistency of a QUERY, EXECUTE or BATCH, else null
 * @param system      whether it is the driver's own traffic: handshake, system and schema tables
 * @param connection  which connection of the node it arrived on (1 for the first accepted)
 * @param nanos       {@link System#nanoTime()} as it was read
 */
public record Received(long seq, int node, InetSocketAddress address, String opcode, String cql, Consistency consistency,
                       boolean system, int connection, long nanos) {

    /** "node2 EXECUTE ONE" style: what the assertions compare. */
    public String summary() {
        return "node" + node + " " + opcode + (consistency == null ? "" : " " + consistency);
    }

    @Override
    public String toString() {
        return "#" + seq + " " + summary() + (cql == null ? "" : " '" + cql + "'") + " (connection " + connection + ")";
    }
}
