package io.jsylla.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts one worker JVM with a driver's classpath and reads its protocol lines: progress goes to
 * the bar, the result line becomes the run's result. Its standard error (the driver's logs) goes
 * to a log file, quoted when the run fails.
 */
final class WorkerProcess {
    /** The same for every driver; a fixed heap so no driver gains from growing it. */
    static final List<String> JVM_OPTIONS = List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-XX:+UseG1GC",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    /** A worker silent this long (no progress line) is stopped. */
    private static final long SILENCE_LIMIT_NANOS = TimeUnit.MINUTES.toNanos(3);

    private WorkerProcess() {}

    /** Progress as the worker reports it. */
    interface Listener {
        void progress(String phase, long completed, double percent, double opsPerSecond);
    }

    static RunResult run(Driver driver, String classpath, List<String> workerArgs, int round, Path log, Listener listener)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", classpath, Worker.class.getName()));
        command.addAll(workerArgs);
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        process.getOutputStream().close();
        AtomicLong lastLine = new AtomicLong(System.nanoTime());
        Thread watchdog = new Thread(() -> {
            try {
                while (process.isAlive()) {
                    Thread.sleep(1000);
                    if (System.nanoTime() - lastLine.get() > SILENCE_LIMIT_NANOS) process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                // done
            }
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        RunResult result = null;
        String failure = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lastLine.set(System.nanoTime());
                if (line.startsWith("PROGRESS ")) {
                    String[] f = line.split(" ");
                    if (f.length >= 5) listener.progress(f[1], Long.parseLong(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]));
                } else if (line.startsWith("RESULT ")) {
                    result = RunResult.fromMap((Map<?, ?>) Json.parse(line.substring("RESULT ".length())));
                } else if (line.startsWith("FAILED ")) {
                    failure = line.substring("FAILED ".length());
                }
            }
        } finally {
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
            watchdog.interrupt();
        }
        if (result != null) return result;
        String why = failure != null ? failure : "the worker exited with status " + process.exitValue() + " and no result";
        return RunResult.failed(driver, round, why + " (log: " + log + ")" + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - 15), lines.size());
            return last.isEmpty() ? "" : "\n    " + String.join("\n    ", last);
        } catch (IOException e) {
            return "";
        }
    }
}
