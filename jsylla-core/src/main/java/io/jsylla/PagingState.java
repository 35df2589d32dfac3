package io.jsylla;

import java.util.Arrays;
import java.util.Base64;

/**
 * Where a paged read stopped: pass it back to fetch the next page. {@link #start()} asks for the
 * first page; {@link #isEnd()} says there is none after this one. The bytes are opaque to
 * clients (they come from the server) and safe to round-trip through {@link #toBytes()}.
 */
public final class PagingState {
    private static final PagingState START = new PagingState(null, false);
    private static final PagingState END = new PagingState(null, true);

    private final byte[] raw;
    private final boolean end;

    private PagingState(byte[] raw, boolean end) {
        this.raw = raw;
        this.end = end;
    }

    /** The state before the first page. */
    public static PagingState start() {
        return START;
    }

    /** The state after the last page. */
    public static PagingState end() {
        return END;
    }

    /** A state from the server's paging state bytes; null means there are no more pages. */
    public static PagingState of(byte[] serverState) {
        return serverState == null ? END : new PagingState(serverState.clone(), false);
    }

    /** Whether no page follows: nothing more to fetch. */
    public boolean isEnd() {
        return end;
    }

    /** Whether this asks for the first page. */
    public boolean isStart() {
        return raw == null && !end;
    }

    /** The server's bytes; null for start and end. */
    public byte[] rawState() {
        return raw == null ? null : raw.clone();
    }

    /** A form to store and give back to {@link #fromBytes}: a marker byte (0 start, 1 state, 2 end) and the state. */
    public byte[] toBytes() {
        if (raw == null) return new byte[] {(byte) (end ? 2 : 0)};
        byte[] out = new byte[raw.length + 1];
        out[0] = 1;
        System.arraycopy(raw, 0, out, 1, raw.length);
        return out;
    }

    public static PagingState fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0) throw new IllegalArgumentException("empty paging state");
        return switch (bytes[0]) {
            case 0 -> START;
            case 2 -> END;
            case 1 -> new PagingState(Arrays.copyOfRange(bytes, 1, bytes.length), false);
            default -> throw new IllegalArgumentException("not a jsylla paging state (marker " + bytes[0] + ")");
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PagingState p && end == p.end && Arrays.equals(raw, p.raw);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(raw) + (end ? 1 : 0);
    }

    @Override
    public String toString() {
        if (isStart()) return "PagingState[start]";
        if (end) return "PagingState[end]";
        return "PagingState[" + Base64.getEncoder().encodeToString(raw) + "]";
    }
}
