package io.jsylla;

import java.util.Locale;

/** Compression of traffic between the driver and the nodes. */
public enum Compression {
    NONE, LZ4, SNAPPY;

    /** {@code "lz4"}, {@code "snappy"}, {@code "none"} (any case); anything else is refused, naming what is accepted. */
    public static Compression parse(String name) {
        if (name != null) {
            for (Compression c : values()) if (c.name().equalsIgnoreCase(name.trim())) return c;
        }
        throw new IllegalArgumentException("unknown compression '" + name + "'; expected one of none, lz4, snappy");
    }

    /** The name the STARTUP message uses, or null for none. */
    public String protocolName() {
        return this == NONE ? null : name().toLowerCase(Locale.ROOT);
    }
}
