package io.jsylla.internal.routing;

import java.nio.ByteBuffer;

/**
 * Maps partition keys to tokens exactly as the server's partitioner does, so the driver can find
 * the replicas of a partition. Implementations are stateless and thread-safe.
 */
public interface Partitioner {

    /**
     * The token of a serialized partition key (see {@link RoutingKey#compose} for composite keys).
     * Reads the bytes between position and limit without moving either. An empty key maps to
     * {@link #minimum()}, as on the server.
     */
    Token hash(ByteBuffer partitionKey);

    /**
     * Parses a token as {@code system.local.tokens} and {@code system.peers.tokens} list it.
     *
     * @throws IllegalArgumentException naming the text if it is not a token of this partitioner
     */
    Token parse(String token);

    /** The minimum token: below every key's token, owned by no key. */
    Token minimum();

    /** The server-side class name, as {@code system.local.partitioner} reports it. */
    String className();

    /**
     * The partitioner named by {@code system.local.partitioner}: a fully qualified
     * {@code org.apache.cassandra.dht} class name or its simple name.
     *
     * @throws IllegalArgumentException naming {@code name} if the driver does not know it
     */
    static Partitioner forClassName(String name) {
        String simple = name == null ? "" : name.trim();
        String dht = "org.apache.cassandra.dht.";
        if (simple.startsWith(dht)) {
            simple = simple.substring(dht.length());
        }
        switch (simple) {
            case "Murmur3Partitioner":
                return Murmur3Partitioner.INSTANCE;
            case "RandomPartitioner":
                return RandomPartitioner.INSTANCE;
            case "ByteOrderedPartitioner":
                return ByteOrderedPartitioner.INSTANCE;
            default:
                throw new IllegalArgumentException("unsupported partitioner: " + name);
        }
    }
}
