package io.jsylla.testkit.ceiling;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CeilingServer} in a JVM of its own. A benchmark that starts one per run gives each
 * driver a server whose JIT has seen only that driver's requests: a server shared by runs
 * compiles its code for the mix of every driver before, and the next run pays for that.
 *
 * <p>The child exits when its standard input closes, so it cannot outlive the JVM that
 * started it, even one that is killed.
 *
 * <pre>{@code
 * try (CeilingServerProcess server = CeilingServerProcess.start(System.getProperty("java.class.path"),
 *         List.of("-Xmx512m"), 100, 100_000, null)) {
 *     // connect a driver to server.contactPoint() (datacenter "dc1")
 * }
 * }</pre>
 */
public final class CeilingServerProcess implements AutoCloseable {
    private static final String READY = "CEILING LISTENING ";
    private static final long START_TIMEOUT_MILLIS = 30_000;

    private final Process process;
    private final String contactPoint;

    private CeilingServerProcess(Process process, String contactPoint) {
        this.process = process;
        this.contactPoint = contactPoint;
    }

    /**
     * Starts a server on 127.0.0.1 and a free port, and waits until it listens.
     *
     * @param classpath  a class path holding the test kit and Netty
     * @param jvmOptions options for the child JVM (heap, collector)
     * @param log        where the child's standard error goes, or null to drop it
     * @throws IllegalStateException if it does not listen within 30 seconds
     */
    public static CeilingServerProcess start(String classpath, List<String> jvmOptions, int valueSize, int scanRows, Path log)
            throws IOException {
        if (valueSize < 0) throw new IllegalArgumentException("valueSize < 0: " + valueSize);
        if (scanRows < 0) throw new IllegalArgumentException("scanRows < 0: " + scanRows);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, CeilingServerProcess.class.getName(),
                Integer.toString(valueSize), Integer.toString(scanRows)));
        Process process = new ProcessBuilder(command)
                .redirectError(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()))
                .start();
        // A child that hangs before listening is killed, which ends the read below.
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) process.destroyForcibly();
            } catch (InterruptedException e) {
                // started in time
            }
        }, "ceiling-start-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(READY)) return new CeilingServerProcess(process, line.substring(READY.length()).trim());
            }
        } catch (IOException e) {
            process.destroyForcibly();
            throw e;
        } finally {
            watchdog.interrupt();
        }
        process.destroyForcibly();
        throw new IllegalStateException("the ceiling server process did not start" + (log == null ? "" : " (log: " + log + ")"));
    }

    /** "host:port", as contact points are written. */
    public String contactPoint() {
        return contactPoint;
    }

    /** Closes the child's standard input, which stops it; kills it if it has not ended in 10 seconds. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The child: {@code <valueSize> <scanRows>}; says where it listens, serves until standard input ends. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: " + CeilingServerProcess.class.getName() + " <valueSize> <scanRows>");
            System.exit(2);
        }
        // Netty's sampled leak tracking records stack traces, a cost on requests a benchmark counts;
        // the server's own tests run it in process, with tracking on.
        if (System.getProperty("io.netty.leakDetection.level") == null) System.setProperty("io.netty.leakDetection.level", "disabled");
        try (CeilingServer server = CeilingServer.start("127.0.0.1", 0, Integer.parseInt(args[0]), Integer.parseInt(args[1]))) {
            System.out.println(READY + server.contactPoint());
            System.out.flush();
            while (System.in.read() >= 0) {
                // nothing is sent: this only waits for the parent to close the pipe, or to die
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
