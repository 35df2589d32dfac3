package io.jsylla.testkit.ceiling;

import io.jsylla.testkit.internal.ProbeCodec;
import io.jsylla.testkit.internal.ProbeCodec.Frame;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A bare socket for frames the probe does not send: any version, many in flight, split writes. */
final class RawConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static RawConnection open(InetSocketAddress address) {
        try {
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            s.setSoTimeout(20_000);
            s.connect(address, 5_000);
            return new RawConnection(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a connection and completes STARTUP. */
    static RawConnection ready(InetSocketAddress address) {
        RawConnection c = open(address);
        Frame f = c.roundTrip(ProbeCodec.STARTUP, ProbeCodec.stringMap(java.util.Map.of("CQL_VERSION", "3.0.0")));
        if (f.opcode() != ProbeCodec.READY) throw new AssertionError("no READY but opcode " + f.opcode());
        return c;
    }

    Frame roundTrip(int opcode, byte[] body) {
        write(ProbeCodec.frame(0, opcode, body));
        return read();
    }

    void write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Frame read() {
        try {
            return ProbeCodec.readFrame(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server closed the connection (end of stream) within the socket timeout. */
    boolean closedByServer() {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket: nothing to do about it
        }
    }
}
