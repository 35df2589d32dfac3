package io.jsylla.policies;

import java.net.InetSocketAddress;

/**
 * Maps the address a node advertises (in {@code system.peers}) to the one the driver should
 * connect to: for NAT, cloud private/public addresses, or a proxy in tests.
 */
@FunctionalInterface
public interface AddressTranslator {
    InetSocketAddress translate(InetSocketAddress advertised);

    AddressTranslator IDENTITY = a -> a;
}
