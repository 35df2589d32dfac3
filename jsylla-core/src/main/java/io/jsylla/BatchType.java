package io.jsylla;

/** The kinds of CQL batches, with their protocol codes. */
public enum BatchType {
    LOGGED(0), UNLOGGED(1), COUNTER(2);

    private final int code;

    BatchType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
