package io.jsylla.testkit.scylla;

import java.io.ByteArrayOutputStream;
import java.util.Random;

import static io.jsylla.testkit.internal.ProbeCodec.writeString;

/**
 * ScyllaDB's rate limit error ({@code SCYLLA_RATE_LIMIT_ERROR}), forged on demand: one node's
 * setting of which requests to reject, the seeded choice of each rejected request, and the ERROR
 * body that answers it.
 *
 * <p>The choice draws one number from a seeded {@link Random} per request the setting makes
 * eligible (its op type selected, fraction above 0), in the order requests reach the node: the
 * same seed and the same request sequence give the same rejections. Requests racing on several
 * connections reach the draw in an order the seed does not fix.
 */
final class RateLimitErrors {
    static final String KEY = "SCYLLA_RATE_LIMIT_ERROR";
    /** ScyllaDB's code for the error (0xF000), offered in SUPPORTED as {@code ERROR_CODE=61440}. */
    static final int CODE = 61440;
    static final String VALUE = "ERROR_CODE=" + CODE;
    /** What ScyllaDB sends instead to a connection that did not negotiate the error. */
    static final int CONFIG_ERROR = 0x2300;
    static final long DEFAULT_SEED = 0x5C111AL;

    /**
     * Which requests to reject.
     *
     * @param fraction the share of eligible requests to reject, 0 (none) to 1 (all)
     * @param reads whether reads (SELECT) are eligible
     * @param writes whether writes (INSERT, UPDATE, DELETE, BATCH) are eligible
     * @param rejectedByCoordinator the error's {@code rejected_by_coordinator} byte
     */
    record Setting(double fraction, boolean reads, boolean writes, boolean rejectedByCoordinator) {
        static final Setting OFF = new Setting(0, false, false, false);

        Setting {
            if (!(fraction >= 0 && fraction <= 1)) throw new IllegalArgumentException("fraction must be 0..1: " + fraction);
        }

        boolean selects(StatementKind.OpType op) {
            return fraction > 0 && op != null && (op == StatementKind.OpType.READ ? reads : writes);
        }
    }

    private volatile Setting setting = Setting.OFF;
    private Random random = new Random(DEFAULT_SEED);

    Setting setting() {
        return setting;
    }

    void set(Setting s) {
        this.setting = s;
    }

    /** Restarts the choice's random sequence from {@code seed}. */
    synchronized void seed(long seed) {
        this.random = new Random(seed);
    }

    /** Whether to reject a request of {@code op} (null: neither read nor write, never rejected). */
    boolean reject(StatementKind.OpType op) {
        Setting s = setting;
        if (!s.selects(op)) return false;
        synchronized (this) {
            return random.nextDouble() < s.fraction();
        }
    }

    /**
     * The ERROR body answering a rejected request: ScyllaDB's rate limit error when the
     * connection negotiated it ({@code [int 61440][string message][byte op_type][byte
     * rejected_by_coordinator]}), else a Config_error with the same message.
     */
    static byte[] errorBody(boolean negotiated, StatementKind.OpType op, boolean rejectedByCoordinator) {
        String message = "Per-partition rate limit reached for " + (op == StatementKind.OpType.READ ? "reads" : "writes")
                + " (simulated), rejected by " + (rejectedByCoordinator ? "the coordinator" : "a replica");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int code = negotiated ? CODE : CONFIG_ERROR;
        body.write(code >>> 24);
        body.write(code >>> 16);
        body.write(code >>> 8);
        body.write(code);
        writeString(body, message);
        if (negotiated) {
            body.write(op.code);
            body.write(rejectedByCoordinator ? 1 : 0);
        }
        return body.toByteArray();
    }
}
