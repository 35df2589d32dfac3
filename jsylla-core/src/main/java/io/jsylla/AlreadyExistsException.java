package io.jsylla;

import java.net.InetSocketAddress;

/** CREATE of a keyspace or table that exists (protocol code 0x2400). */
public class AlreadyExistsException extends ConfigurationException {
    private static final long serialVersionUID = 1L;
    private final String keyspace;
    private final String table;

    public AlreadyExistsException(InetSocketAddress node, String message, String keyspace, String table) {
        super(node, message);
        this.keyspace = keyspace;
        this.table = table;
    }

    @Override
    public int code() {
        return 0x2400;
    }

    public String keyspace() {
        return keyspace;
    }

    /** The table, or null when the keyspace exists. */
    public String table() {
        return table;
    }
}
