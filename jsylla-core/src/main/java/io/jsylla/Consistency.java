package io.jsylla;

/** CQL consistency levels, with their protocol codes. */
public enum Consistency {
    ANY(0x0000), ONE(0x0001), TWO(0x0002), THREE(0x0003), QUORUM(0x0004), ALL(0x0005),
    LOCAL_QUORUM(0x0006), EACH_QUORUM(0x0007), SERIAL(0x0008), LOCAL_SERIAL(0x0009), LOCAL_ONE(0x000A);

    private static final Consistency[] BY_CODE = new Consistency[11];

    static {
        for (Consistency c : values()) BY_CODE[c.code] = c;
    }

    private final int code;

    Consistency(int code) {
        this.code = code;
    }

    /** The [consistency] short of the native protocol. */
    public int code() {
        return code;
    }

    /** Whether this is a serial level, allowed only as the serial consistency of a conditional update. */
    public boolean isSerial() {
        return this == SERIAL || this == LOCAL_SERIAL;
    }

    public static Consistency fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length) throw new IllegalArgumentException("unknown consistency code " + code);
        return BY_CODE[code];
    }
}
