package io.jsylla.testkit.ceiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsylla.testkit.internal.ProbeCodec;
import io.jsylla.testkit.internal.ProbeCodec.Frame;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ceiling server in a JVM of its own: it answers as the in-process one does, and ends with its closing. */
class CeilingServerProcessTest {
    @Test
    void servesFromAChildJvmUntilClosed(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("ceiling.log");
        InetSocketAddress address;
        try (CeilingServerProcess server = CeilingServerProcess.start(System.getProperty("java.class.path"), List.of("-Xmx256m"),
                7, 10, log)) {
            String[] hostPort = server.contactPoint().split(":");
            assertThat(hostPort[0]).isEqualTo("127.0.0.1");
            address = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
            try (RawConnection c = RawConnection.ready(address)) {
                Frame f = c.roundTrip(ProbeCodec.QUERY, Frames.query("SELECT k, v FROM bench.kv", 0, 0));
                Frames.Rows rows = Frames.rows(f.body());
                assertThat(rows.names()).containsExactly("k", "v");
                assertThat(rows.rows()).as("the scan rows it was started with").hasSize(10);
            }
        }
        // Closed: the child has ended, and nothing listens there any more.
        InetSocketAddress gone = address;
        assertThatThrownBy(() -> RawConnection.open(gone)).isInstanceOf(UncheckedIOException.class);
        assertThat(Files.exists(log)).isTrue();
    }

    @Test
    void aChildThatCannotStartIsReportedNotWaitedFor(@TempDir Path dir) {
        Path log = dir.resolve("ceiling.log");
        assertThatThrownBy(() -> CeilingServerProcess.start(System.getProperty("java.class.path"), List.of("-Xmx1k"), 7, 10, log))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("did not start").hasMessageContaining(log.toString());
    }
}
