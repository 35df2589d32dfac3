package io.jsylla.internal.protocol;

import java.net.InetSocketAddress;

/** A node went UP or DOWN. */
public record StatusChangeEvent(String change, InetSocketAddress address) implements Event {
}
