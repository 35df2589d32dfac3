package io.jsylla.internal.connection;

import io.jsylla.internal.protocol.ProtocolVersion;

/** The node does not speak the version tried: the factory retries one version lower. */
final class UnsupportedVersionException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient ProtocolVersion tried;

    UnsupportedVersionException(ProtocolVersion tried, String message) {
        super(message);
        this.tried = tried;
    }
}
