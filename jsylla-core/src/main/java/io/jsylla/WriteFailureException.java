package io.jsylla;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/** A write failed on replicas (protocol code 0x1500). */
public class WriteFailureException extends QueryFailureException {
    private static final long serialVersionUID = 1L;
    public static final int CODE = 0x1500;
    private final String writeType;

    public WriteFailureException(InetSocketAddress node, String message, Consistency consistency, int received,
                                 int blockFor, int numFailures, Map<InetAddress, Integer> reasons, String writeType) {
        super(CODE, node, message, consistency, received, blockFor, numFailures, reasons);
        this.writeType = writeType;
    }

    public String writeType() {
        return writeType;
    }
}
