package io.jsylla.internal.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The token ring: every node's tokens in order, each mapped to the node that owns it. A token
 * {@code t} belongs to the range ending at the first ring token &ge; {@code t}, wrapping past the
 * last ring token to the first; that ring token's owner is the partition's primary replica.
 *
 * <p>Immutable and thread-safe; lookups are binary searches over arrays. {@code N} is the caller's
 * node type and only needs {@code equals}/{@code hashCode}.
 *
 * @param <N> the node type
 */
public final class TokenRing<N> {

    private final Partitioner partitioner;
    private final Token[] tokens; // sorted ascending
    private final long[] murmur3; // the same tokens' values when they are all Murmur3 tokens (searched without compareTo calls), else null
    private final Object[] owners; // owners[i] owns tokens[i]; Object[] as generic arrays cannot be made
    private final List<Token> tokenList;
    private final List<N> nodes;

    /**
     * @param tokensByNode each node's tokens as {@code system.local}/{@code system.peers} list them;
     *     nodes with no (or null) tokens are not on the ring and are ignored
     * @throws IllegalArgumentException if a token does not parse, naming the node, or if two nodes
     *     claim the same token, naming both (the ring would be ambiguous)
     */
    public TokenRing(Partitioner p, Map<N, ? extends Collection<String>> tokensByNode) {
        this.partitioner = Objects.requireNonNull(p, "partitioner");
        TreeMap<Token, N> byToken = new TreeMap<>();
        for (Map.Entry<N, ? extends Collection<String>> entry : tokensByNode.entrySet()) {
            N node = Objects.requireNonNull(entry.getKey(), "node");
            if (entry.getValue() == null) {
                continue;
            }
            for (String text : entry.getValue()) {
                Token token;
                try {
                    token = p.parse(text);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("node " + node + ": " + e.getMessage(), e);
                }
                N previous = byToken.putIfAbsent(token, node);
                // A node listing a token twice is harmless; two nodes claiming it is not.
                if (previous != null && !previous.equals(node)) {
                    throw new IllegalArgumentException("token " + token + " is claimed by both "
                            + previous + " and " + node);
                }
            }
        }
        this.tokens = byToken.keySet().toArray(new Token[0]);
        this.murmur3 = murmur3Values(tokens);
        this.owners = byToken.values().toArray();
        this.tokenList = List.of(tokens);
        this.nodes = List.copyOf(new LinkedHashSet<>(byToken.values()));
    }

    private static long[] murmur3Values(Token[] tokens) {
        long[] values = new long[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            if (!(tokens[i] instanceof Murmur3Token m)) {
                return null;
            }
            values[i] = m.value();
        }
        return values;
    }

    public Partitioner partitioner() {
        return partitioner;
    }

    /** The ring tokens in ascending order. */
    public List<Token> tokens() {
        return tokenList;
    }

    /** The number of ring tokens (not nodes). */
    public int size() {
        return tokens.length;
    }

    /** The distinct nodes on the ring, in the order of their lowest token. */
    public List<N> nodes() {
        return nodes;
    }

    /**
     * The index of the first ring token &ge; {@code t}, or 0 if {@code t} is above the last one:
     * the position of the primary replica of a partition with token {@code t}. -1 if the ring is
     * empty.
     */
    public int indexOf(Token t) {
        if (tokens.length == 0) {
            return -1;
        }
        int i = murmur3 != null && t instanceof Murmur3Token m ? Arrays.binarySearch(murmur3, m.value())
                : Arrays.binarySearch(tokens, Objects.requireNonNull(t, "token"));
        if (i < 0) {
            i = -i - 1;
        }
        return i == tokens.length ? 0 : i;
    }

    /**
     * The owner of the ring position {@code t} falls in: for a ring token its node, for any other
     * token the primary replica of that token. {@code null} if the ring is empty.
     */
    public N owner(Token ringToken) {
        int i = indexOf(ringToken);
        return i < 0 ? null : ownerAt(i);
    }

    /** The ring token at {@code index}, 0 &le; index &lt; {@link #size()}. */
    public Token tokenAt(int index) {
        return tokens[index];
    }

    /** The owner of the ring token at {@code index}, 0 &le; index &lt; {@link #size()}. */
    @SuppressWarnings("unchecked") // owners only ever holds N values from the constructor's map
    public N ownerAt(int index) {
        return (N) owners[index];
    }

    @Override
    public String toString() {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(tokens.length, 8); i++) {
            shown.add(tokens[i] + "=" + owners[i]);
        }
        return "TokenRing(" + partitioner + ", " + nodes.size() + " nodes, " + tokens.length
                + " tokens: " + shown + (tokens.length > 8 ? "...)" : ")");
    }
}
