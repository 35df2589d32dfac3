package io.jsylla.testkit;

/** Whether a node's CQL port speaks TLS, and whether it asks clients for a certificate. */
public enum TlsMode {
    /** Plain CQL. */
    OFF,
    /** TLS only; the client checks the node's certificate against the kit's truststore. */
    SERVER,
    /** TLS only, and the node requires a client certificate the kit also generates. */
    MUTUAL
}
