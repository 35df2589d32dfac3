package io.jsylla.internal.routing;

import java.nio.ByteBuffer;

/**
 * Maps partition keys to tokens exactly as the server's partitioner does, so the driver can find
 * the replicas of a partition. Implementations are stateless and thread-safe.
 */
public interface Partitioner {

    /**
     * The token of a serialized partition key (see {@link RoutingKey#compose} for composite keys):
     * {@code length} bytes of {@code key} from {@code offset}, read in place (a bound statement's
     * key is hashed where it was serialized). An empty key maps to {@link #minimum()}, as on the server.
     */
    Token hash(byte[] key, int offset, int length);

    /** As {@link #hash(byte[], int, int)}, over the bytes between position and limit, moving neither. */
    default Token hash(ByteBuffer partitionKey) {
        if (partitionKey.hasArray()) {
            return hash(partitionKey.array(), partitionKey.arrayOffset() + partitionKey.position(), partitionKey.remaining());
        }
        byte[] copy = new byte[partitionKey.remaining()]; // direct or read-only: rare for a routing key
        partitionKey.get(partitionKey.position(), copy);
        return hash(copy, 0, copy.length);
    }

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
