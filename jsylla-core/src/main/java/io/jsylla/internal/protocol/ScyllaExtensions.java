package io.jsylla.internal.protocol;

import java.util.List;
import java.util.Map;

/**
 * The ScyllaDB protocol extensions a connection negotiated: each is offered by the node in
 * SUPPORTED and in force only once echoed in STARTUP, so against Cassandra (which offers none)
 * nothing changes. Parameters come from what the node offered, never from constants.
 *
 * @param rateLimitErrorCode the ERROR code of "rate limit reached" ({@code SCYLLA_RATE_LIMIT_ERROR}), 0 when not negotiated
 * @param lwtMask            the PREPARED metadata flag bit(s) marking a lightweight transaction
 *                           ({@code SCYLLA_LWT_ADD_METADATA_MARK}), 0 when not negotiated
 */
public record ScyllaExtensions(int rateLimitErrorCode, int lwtMask) {

    public static final ScyllaExtensions NONE = new ScyllaExtensions(0, 0);

    static final String RATE_LIMIT_ERROR = "SCYLLA_RATE_LIMIT_ERROR";
    static final String LWT_ADD_METADATA_MARK = "SCYLLA_LWT_ADD_METADATA_MARK";
    private static final String ERROR_CODE = "ERROR_CODE=";
    private static final String LWT_MASK = "LWT_OPTIMIZATION_META_BIT_MASK=";

    /** What the node offers of the extensions the driver speaks; an offer it cannot read is not taken. */
    public static ScyllaExtensions offered(Map<String, List<String>> supported) {
        return new ScyllaExtensions(parameter(supported, RATE_LIMIT_ERROR, ERROR_CODE),
                parameter(supported, LWT_ADD_METADATA_MARK, LWT_MASK));
    }

    /** Adds what STARTUP says to take the extensions up. */
    public void acceptIn(Map<String, String> startup) {
        if (rateLimitErrorCode != 0) startup.put(RATE_LIMIT_ERROR, "");
        if (lwtMask != 0) startup.put(LWT_ADD_METADATA_MARK, LWT_MASK + Integer.toUnsignedString(lwtMask));
    }

    /** Whether PREPARED metadata flags mark the statement as a lightweight transaction. */
    public boolean isLwt(int preparedFlags) {
        return lwtMask != 0 && (preparedFlags & lwtMask) == lwtMask;
    }

    /** The number after {@code prefix} in the key's values, as an unsigned 32-bit value; 0 when absent or unreadable. */
    private static int parameter(Map<String, List<String>> supported, String key, String prefix) {
        List<String> values = supported.get(key);
        if (values == null) return 0;
        for (String v : values) {
            if (!v.startsWith(prefix)) continue;
            try {
                long n = Long.parseLong(v.substring(prefix.length()).trim());
                return n > 0 && n <= 0xFFFF_FFFFL ? (int) n : 0;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }
}
