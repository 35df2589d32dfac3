package io.jsylla.testkit.scylla;

import java.nio.ByteBuffer;

/**
 * Finds the partition key of an EXECUTE from its bound values, as a token-aware driver builds
 * its routing key: a single-column key is the value's bytes; a composite key is each component
 * as {@code [short length][bytes][0x00]}.
 */
public final class PartitionKeyDecoder {
    private static final int VALUES = 0x01, NAMES_FOR_VALUES = 0x40;

    /** An EXECUTE whose partition key is known. */
    public record RoutedExecute(PreparedShapes.Shape shape, ByteBuffer routingKey) {
        public long token() {
            return Murmur3Token.of(routingKey.duplicate());
        }
    }

    private PartitionKeyDecoder() {}

    /**
     * The routing key of an EXECUTE body (v3/v4), or null when it cannot be known: unknown
     * prepared id, no partition key in the statement, or a key component bound to null/unset.
     */
    public static RoutedExecute decode(ByteBuffer executeBody, PreparedShapes shapes) {
        ByteBuffer b = executeBody.duplicate();
        PreparedShapes.Shape shape = shapes.get(Frames.readShortBytes(b));
        if (shape == null || shape.partitionKey().length == 0) return null;
        b.getShort(); // consistency
        int flags = b.get() & 0xFF;
        if ((flags & VALUES) == 0) return null;
        int n = b.getShort() & 0xFFFF;
        ByteBuffer[] values = new ByteBuffer[shape.names().size()];
        for (int i = 0; i < n; i++) {
            int index = i;
            if ((flags & NAMES_FOR_VALUES) != 0) index = shape.names().indexOf(Frames.readString(b));
            ByteBuffer v = Frames.readBytes(b); // null for null (-1) and unset (-2) alike
            if (index >= 0 && index < values.length) values[index] = v;
        }
        int[] pk = shape.partitionKey();
        if (pk.length == 1) {
            ByteBuffer v = values[pk[0]];
            return v == null ? null : new RoutedExecute(shape, v);
        }
        int size = 0;
        for (int i : pk) {
            if (values[i] == null) return null;
            size += 2 + values[i].remaining() + 1;
        }
        ByteBuffer key = ByteBuffer.allocate(size);
        for (int i : pk) key.putShort((short) values[i].remaining()).put(values[i].duplicate()).put((byte) 0);
        return new RoutedExecute(shape, key.flip());
    }
}
