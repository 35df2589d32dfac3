package io.jsylla;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/** A read failed on replicas, e.g. on too many tombstones (protocol code 0x1300). */
public class ReadFailureException extends QueryFailureException {
    private static final long serialVersionUID = 1L;
    public static final int CODE = 0x1300;
    private final boolean dataPresent;

    public ReadFailureException(InetSocketAddress node, String message, Consistency consistency, int received,
                                int blockFor, int numFailures, Map<InetAddress, Integer> reasons, boolean dataPresent) {
        super(CODE, node, message, consistency, received, blockFor, numFailures, reasons);
        this.dataPresent = dataPresent;
    }

    public boolean dataPresent() {
        return dataPresent;
    }
}
