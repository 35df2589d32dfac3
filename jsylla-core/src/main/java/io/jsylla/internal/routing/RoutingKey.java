package io.jsylla.internal.routing;

import java.nio.ByteBuffer;
import java.util.List;

/** The routing key of a partition: the partition key serialized the way the server hashes it. */
public final class RoutingKey {

    private RoutingKey() {
    }

    /**
     * Serializes a partition key from its components, each the CQL-serialized value of one
     * partition key column in declaration order. A single component is the key itself (returned
     * as is). Several form a composite key, laid out as Cassandra's {@code CompositeType} does:
     * for each component a 2-byte big-endian unsigned length, the bytes, and an end-of-component
     * byte 0. Components are read from position to limit without being consumed.
     *
     * @throws IllegalArgumentException if there are no components or one is longer than 65535
     *     bytes (its length would not fit the composite layout)
     */
    public static ByteBuffer compose(List<ByteBuffer> components) {
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a partition key has at least one component");
        }
        if (components.size() == 1) {
            return components.get(0);
        }
        int size = 0;
        for (ByteBuffer c : components) {
            if (c.remaining() > 0xFFFF) {
                throw new IllegalArgumentException("partition key component of " + c.remaining()
                        + " bytes exceeds the composite limit of 65535");
            }
            size += 2 + c.remaining() + 1;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (ByteBuffer c : components) {
            out.putShort((short) c.remaining());
            out.put(c.duplicate());
            out.put((byte) 0);
        }
        return out.flip();
    }
}
