package io.jsylla.testkit;

import io.jsylla.testkit.internal.ProbeCodec;
import io.jsylla.testkit.internal.ProbeCodec.Frame;
import io.jsylla.testkit.internal.ProbeCodec.Type;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A minimal blocking CQL client (protocol v4, one request at a time) that the kit uses to check
 * nodes: the readiness handshake, and plain queries such as reading {@code system.peers}.
 *
 * <p>It shares no code with the driver on purpose: tests can use it as an independent witness
 * of what a node holds. It is not a driver: no pooling, no prepared statements, no retries.
 */
public final class CqlProbe implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final InetSocketAddress address;

    private CqlProbe(Socket socket, InetSocketAddress address) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.address = address;
    }

    /** Opens a TCP (or, with a context, TLS) connection; no CQL is exchanged yet. */
    public static CqlProbe open(InetSocketAddress address, Duration timeout, SSLContext tls) {
        Socket s = null;
        try {
            s = new Socket();
            s.setTcpNoDelay(true);
            s.setSoTimeout((int) timeout.toMillis());
            s.connect(address, (int) timeout.toMillis());
            if (tls != null) {
                SSLSocket ssl = (SSLSocket) tls.getSocketFactory()
                        .createSocket(s, address.getHostString(), address.getPort(), true);
                ssl.startHandshake();
                s = ssl;
            }
            return new CqlProbe(s, address);
        } catch (IOException e) {
            closeQuietly(s);
            throw new UncheckedIOException("Cannot connect to " + address + ": " + e.getMessage(), e);
        }
    }

    /**
     * Connects and completes the CQL handshake: OPTIONS, STARTUP, and a SASL PLAIN login when
     * the node asks for one (user may be null when it does not).
     */
    public static CqlProbe connect(InetSocketAddress address, Duration timeout, SSLContext tls,
                                   String user, String password) {
        CqlProbe p = open(address, timeout, tls);
        try {
            p.options();
            p.startup(user, password);
            return p;
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
    }

    /** OPTIONS to SUPPORTED: what the node offers (CQL_VERSION, PROTOCOL_VERSIONS, COMPRESSION...). */
    public Map<String, List<String>> options() {
        Frame f = roundTrip(ProbeCodec.OPTIONS, new byte[0]);
        expect(f, ProbeCodec.SUPPORTED, "OPTIONS");
        return ProbeCodec.readStringMultimap(f.body());
    }

    /** STARTUP, then a SASL PLAIN exchange if the node demands authentication. */
    public void startup(String user, String password) {
        Frame f = roundTrip(ProbeCodec.STARTUP, ProbeCodec.stringMap(Map.of("CQL_VERSION", "3.0.0")));
        if (f.opcode() == ProbeCodec.READY) return;
        if (f.opcode() == ProbeCodec.AUTHENTICATE) {
            String authenticator = ProbeCodec.readString(f.body());
            if (user == null) {
                throw new CqlProbeException(address, 0x0100,
                        "node requires authentication (" + authenticator + ") but no credentials were given");
            }
            byte[] token = ("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8);
            Frame r = roundTrip(ProbeCodec.AUTH_RESPONSE, ProbeCodec.bytes(token));
            expect(r, ProbeCodec.AUTH_SUCCESS, "AUTH_RESPONSE");
            return;
        }
        expect(f, ProbeCodec.READY, "STARTUP");
    }

    /** Runs a statement at consistency ONE and returns every row, each a column-to-value map. */
    public List<Map<String, Object>> query(String cql) {
        List<Map<String, Object>> rows = new ArrayList<>();
        ByteBuffer paging = null;
        do {
            Frame f = roundTrip(ProbeCodec.QUERY, ProbeCodec.query(cql, 5000, paging));
            expect(f, ProbeCodec.RESULT, cql);
            ByteBuffer b = f.body();
            if (b.getInt() != 2) return rows; // void, set_keyspace, schema_change: no rows
            int flags = b.getInt();
            int columns = b.getInt();
            paging = (flags & 0x0002) != 0 ? ProbeCodec.readBytes(b) : null;
            List<String> names = new ArrayList<>(columns);
            List<Type> types = new ArrayList<>(columns);
            ProbeCodec.readColumnSpecs(b, flags, columns, names, types);
            int count = b.getInt();
            for (int r = 0; r < count; r++) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 0; c < columns; c++) row.put(names.get(c), ProbeCodec.decode(types.get(c), ProbeCodec.readBytes(b)));
                rows.add(row);
            }
        } while (paging != null);
        return rows;
    }

    /** The first row's first column, for one-value queries such as {@code SELECT release_version ...}. */
    public Object queryValue(String cql) {
        List<Map<String, Object>> rows = query(cql);
        if (rows.isEmpty()) throw new IllegalStateException("no row from " + address + " for: " + cql);
        return rows.get(0).values().iterator().next();
    }

    private Frame roundTrip(int opcode, byte[] body) {
        try {
            out.write(ProbeCodec.frame(0, opcode, body));
            out.flush();
            return ProbeCodec.readFrame(in);
        } catch (IOException e) {
            throw new UncheckedIOException("CQL exchange with " + address + " failed: " + e.getMessage(), e);
        }
    }

    private void expect(Frame f, int opcode, String request) {
        if (f.opcode() == opcode) return;
        if (f.opcode() == ProbeCodec.ERROR) {
            ByteBuffer b = f.body();
            int code = b.getInt();
            throw new CqlProbeException(address, code, ProbeCodec.readString(b));
        }
        throw new CqlProbeException(address, -1, "unexpected opcode 0x" + Integer.toHexString(f.opcode())
                + " in reply to " + request);
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket s) {
        if (s == null) return;
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing left to do with a socket that will not close
        }
    }

    /** An ERROR a node answered with, or a reply the probe did not expect. */
    public static final class CqlProbeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int code;

        CqlProbeException(InetSocketAddress node, int code, String message) {
            super(node + ": " + (code >= 0 ? "error 0x" + Integer.toHexString(code) + ": " : "") + message);
            this.code = code;
        }

        /** The protocol error code (0x0100 bad credentials, 0x2000 syntax...), or -1. */
        public int code() {
            return code;
        }
    }
}
