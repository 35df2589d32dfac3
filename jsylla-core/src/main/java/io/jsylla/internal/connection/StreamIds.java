package io.jsylla.internal.connection;

/**
 * Stream ids of one connection: a bitmap over [0, capacity) with a rotating search start, so a
 * just-released id is not reused at once. Confined to the connection's event loop, hence no
 * locks or atomics.
 *
 * <p>An id whose request was abandoned (timed out, cancelled) stays taken until its late
 * response arrives or the connection closes: the server may still answer it, and that answer
 * must not be taken for another request's.
 */
final class StreamIds {
    static final int MAX = 32768;

    private final long[] words;
    private final int capacity;
    private int next;
    private int inUse;
    private int orphaned;

    StreamIds(int capacity) {
        if (capacity < 1 || capacity > MAX) throw new IllegalArgumentException("stream ids must be 1.." + MAX + ": " + capacity);
        this.capacity = capacity;
        this.words = new long[(capacity + 63) >>> 6];
    }

    /** A free id, or -1 when all are taken. */
    int acquire() {
        if (inUse == capacity) return -1;
        int start = next;
        int word = start >>> 6;
        long mask = ~words[word] & (-1L << (start & 63));
        for (int scanned = 0; scanned <= words.length; scanned++) {
            if (mask != 0) {
                int id = (word << 6) + Long.numberOfTrailingZeros(mask);
                if (id < capacity) {
                    words[id >>> 6] |= 1L << (id & 63);
                    inUse++;
                    next = id + 1 == capacity ? 0 : id + 1;
                    return id;
                }
            }
            word = word + 1 == words.length ? 0 : word + 1;
            mask = ~words[word];
        }
        return -1;
    }

    void release(int id) {
        long bit = 1L << (id & 63);
        if ((words[id >>> 6] & bit) == 0) throw new IllegalStateException("stream id " + id + " released twice");
        words[id >>> 6] &= ~bit;
        inUse--;
    }

    /** Counts an id as abandoned: still taken, awaiting its late response. */
    void orphan() {
        orphaned++;
    }

    /** The late response of an abandoned id arrived: the id is released by the caller. */
    void unorphan() {
        orphaned--;
    }

    /** Calls {@code action} with every taken id: a pass over the bitmap's words, skipping empty ones. */
    void forEachInUse(java.util.function.IntConsumer action) {
        for (int w = 0; w < words.length; w++) {
            long bits = words[w];
            while (bits != 0) {
                int bit = Long.numberOfTrailingZeros(bits);
                action.accept((w << 6) + bit);
                bits &= bits - 1;
            }
        }
    }

    int inUse() {
        return inUse;
    }

    int orphaned() {
        return orphaned;
    }

    int capacity() {
        return capacity;
    }
}
