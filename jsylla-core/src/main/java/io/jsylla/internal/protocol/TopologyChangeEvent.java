package io.jsylla.internal.protocol;

import java.net.InetSocketAddress;

/** A node joined or left: change is NEW_NODE or REMOVED_NODE (MOVED_NODE from older servers). */
public record TopologyChangeEvent(String change, InetSocketAddress address) implements Event {
}
