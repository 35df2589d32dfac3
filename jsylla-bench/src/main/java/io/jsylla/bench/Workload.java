package io.jsylla.bench;

import java.util.Locale;

/** What one operation is. */
public enum Workload {
    /** One prepared insert of a random key. */
    INSERT,
    /** One prepared select of a random key (the keys are written first, outside measurement). */
    SELECT,
    /** An insert or a select, each with probability 1/2. */
    MIXED,
    /** One unlogged batch of ten prepared inserts of random keys. */
    BATCH,
    /** One full scan of the table, page by page: a few long operations rather than many short ones. */
    SCAN;

    /** Whether the keys must be written before the run. */
    public boolean reads() {
        return this == SELECT || this == MIXED || this == SCAN;
    }

    /**
     * The in-flight window when none is given: 128 requests, but 4 scans, since one scan keeps
     * the node busy for a whole table.
     */
    public int defaultConcurrency() {
        return this == SCAN ? 4 : 128;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Workload parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown workload '" + s + "': insert, select, mixed, batch or scan");
        }
    }
}
