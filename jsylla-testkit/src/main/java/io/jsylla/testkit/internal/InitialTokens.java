package io.jsylla.testkit.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Evenly spaced Murmur3 tokens, interleaved across nodes. Giving every node its tokens up front
 * makes rings balanced and repeatable, and lets nodes join together without the token
 * allocator, which needs to see the ring first.
 */
public final class InitialTokens {
    private static final BigInteger RING = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);

    private InitialTokens() {}

    /** Tokens of node {@code index} (0-based) among {@code nodes}, {@code perNode} each. */
    public static List<Long> forNode(int index, int nodes, int perNode) {
        if (nodes < 1 || perNode < 1 || index < 0 || index >= nodes) {
            throw new IllegalArgumentException(
                    "node " + index + " of " + nodes + " with " + perNode + " tokens each");
        }
        BigInteger total = BigInteger.valueOf((long) nodes * perNode);
        BigInteger step = RING.divide(total);
        // Half a step off the ring's start: never the minimum token, which Cassandra reserves.
        BigInteger first = MIN.add(step.shiftRight(1));
        List<Long> tokens = new ArrayList<>(perNode);
        for (int k = 0; k < perNode; k++) {
            long slot = (long) k * nodes + index;
            tokens.add(first.add(step.multiply(BigInteger.valueOf(slot))).longValueExact());
        }
        return tokens;
    }

    public static String asYamlValue(List<Long> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Long t : tokens) {
            if (sb.length() > 0) sb.append(',');
            sb.append(t);
        }
        return sb.toString();
    }
}
